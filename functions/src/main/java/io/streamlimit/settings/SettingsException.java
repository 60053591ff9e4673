package io.streamlimit.settings;

/** An environment variable with a value the functions cannot run with; the message names it. */
public class SettingsException extends IllegalArgumentException {

    public SettingsException(String variable, String problem) {
        super(variable + ": " + problem);
    }
}
