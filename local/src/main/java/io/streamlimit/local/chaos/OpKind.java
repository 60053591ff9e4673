package io.streamlimit.local.chaos;

/** What one recorded operation asked of the ledger (or of the consumer, for poison). */
public enum OpKind {
    /** An {@code open} event applied by the consumer or directly. */
    OPEN,
    /** A {@code close} event applied by the consumer or directly. */
    CLOSE,
    ACQUIRE,
    RELEASE,
    CHECK,
    /** A malformed message handed to the consumer; it must change nothing. */
    POISON;

    boolean closes() {
        return this == CLOSE || this == RELEASE;
    }
}
