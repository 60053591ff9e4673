package io.streamlimit.tracker;

/** The request carried no token, a malformed one, or one that was never issued or has expired (401). */
public class InvalidTokenException extends RuntimeException {
    public InvalidTokenException(String message) {
        super(message);
    }
}
