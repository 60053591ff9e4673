package io.streamlimit.aws;

/**
 * An AWS profile that cannot be used: an unknown name, a file that is not there, or a profile
 * file with an unknown key or a bad value. The message names the profile or file and the key.
 */
public class AwsProfileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public AwsProfileException(String message) {
        super(message);
    }

    public AwsProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
