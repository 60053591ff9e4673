package io.streamlimit.ledger;

/** The store could not be read or written (unreachable, throttled past the SDK's retries, ...). */
public class LedgerStoreException extends RuntimeException {

    public LedgerStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
