package io.streamlimit.ledger;

/** What applying one event did to a uid's ledger. */
public enum Outcome {
    /** An {@code open} counted against the limit. */
    OPENED,
    /** An {@code open} of a stream already counted: its lease was extended, nothing else. */
    REFRESHED,
    /** An {@code open} over the limit: remembered as denied, not counted. */
    DENIED,
    /** A {@code close} of a counted stream: its slot is free. */
    CLOSED,
    /**
     * A {@code close} of a stream not counted (its open not seen yet, denied, or expired):
     * remembered, so its later {@code open} is a no-op.
     */
    TOMBSTONED,
    /** An {@code open} after the stream's {@code close}: a no-op. */
    ALREADY_CLOSED,
    /** A repeat of a {@code close} or of a denied {@code open}: a no-op. */
    DUPLICATE,
    /**
     * An {@code open} that arrived after its lease, counted from its {@code at}, had run out (a
     * copy redelivered hours later, say): the stream is over, so it is not counted; a no-op.
     */
    EXPIRED;

    /** Whether the stream now holds a slot. */
    public boolean counted() {
        return this == OPENED || this == REFRESHED;
    }
}
