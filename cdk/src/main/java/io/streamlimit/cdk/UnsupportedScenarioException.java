package io.streamlimit.cdk;

/** A scenario asks for something AWS (or this stack) cannot deploy; the message names the key. */
public final class UnsupportedScenarioException extends RuntimeException {

    public UnsupportedScenarioException(String key, String problem) {
        super(key + ": " + problem);
    }
}
