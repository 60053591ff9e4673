package io.streamlimit.ledger;

import java.time.Instant;

/**
 * The answer to {@code acquire(uid, streamId)}.
 *
 * @param allowed whether the stream holds a slot now
 * @param open streams counted for the uid after the call
 * @param limit the configured limit
 * @param leaseExpiresAt when the slot frees itself without a close; null when not allowed
 */
public record AcquireResult(boolean allowed, int open, int limit, Instant leaseExpiresAt) {
}
