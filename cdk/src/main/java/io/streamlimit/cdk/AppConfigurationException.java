package io.streamlimit.cdk;

/** The app's context (`-c key=value`) is missing a value or holds one it cannot use. */
public final class AppConfigurationException extends RuntimeException {

    public AppConfigurationException(String message) {
        super(message);
    }
}
