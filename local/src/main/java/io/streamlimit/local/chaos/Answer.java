package io.streamlimit.local.chaos;

import io.streamlimit.ledger.Outcome;
import java.time.Instant;

/** What an operation answered, as its caller saw it. */
public sealed interface Answer {

    /**
     * An event (or a release) was applied. {@code outcome} is null when the caller could not see
     * it (the consumer applies events without reporting what each did).
     */
    record Applied(Outcome outcome) implements Answer {
    }

    record Acquired(boolean allowed, int open, Instant leaseExpiresAt) implements Answer {
    }

    record Checked(int open) implements Answer {
    }

    /**
     * The operation failed with an infrastructure error (store unreachable, timeout, 503): it may
     * or may not have taken effect.
     */
    record Failed(String reason) implements Answer {
    }

    /** Bad input, refused without touching the ledger. */
    record Rejected(String reason) implements Answer {
    }
}
