package io.streamlimit.results;

/** The results database could not be read or written; wraps the JDBC error. */
public class ResultsStoreException extends RuntimeException {

    public ResultsStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
