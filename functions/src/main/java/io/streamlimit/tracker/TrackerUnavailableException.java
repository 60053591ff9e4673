package io.streamlimit.tracker;

/** The store could not be reached or kept failing: not the client's fault (503, not 4xx). */
public class TrackerUnavailableException extends RuntimeException {
    public TrackerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
