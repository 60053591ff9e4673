package io.streamlimit.tracker;

/** The path is over {@link TrackerService#MAX_PATH_BYTES} bytes (414). */
public class PathTooLongException extends RuntimeException {
    public PathTooLongException(String message) {
        super(message);
    }
}
