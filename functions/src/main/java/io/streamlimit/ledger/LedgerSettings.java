package io.streamlimit.ledger;

import java.time.Duration;
import java.util.Objects;

/**
 * How the ledger counts.
 *
 * @param limit streams a uid may have open at once (default 3)
 * @param leaseDuration how long an {@code open} or {@code acquire} holds a slot without a
 *     {@code close} (default 4 hours); refreshed by another open or acquire of the stream
 * @param tombstoneRetention how long a close or a denied open is remembered, so that a late or
 *     redelivered copy changes nothing; it should exceed the longest redelivery window of the
 *     pipeline (Lambda async retries run up to 6 hours)
 */
public record LedgerSettings(int limit, Duration leaseDuration, Duration tombstoneRetention) {

    public static final int DEFAULT_LIMIT = 3;
    public static final Duration DEFAULT_LEASE = Duration.ofHours(4);
    public static final Duration DEFAULT_TOMBSTONE_RETENTION = Duration.ofHours(24);
    /** A uid's item holds at most this many active streams (DynamoDB items stop at 400 KB). */
    public static final int MAX_LIMIT = 1_000;

    public LedgerSettings {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", got " + limit);
        }
        requirePositiveMillis("leaseDuration", leaseDuration);
        requirePositiveMillis("tombstoneRetention", tombstoneRetention);
    }

    public static LedgerSettings defaults() {
        return new LedgerSettings(DEFAULT_LIMIT, DEFAULT_LEASE, DEFAULT_TOMBSTONE_RETENTION);
    }

    public LedgerSettings withLimit(int newLimit) {
        return new LedgerSettings(newLimit, leaseDuration, tombstoneRetention);
    }

    public LedgerSettings withLeaseDuration(Duration newLease) {
        return new LedgerSettings(limit, newLease, tombstoneRetention);
    }

    private static void requirePositiveMillis(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 ms, got " + value);
        }
    }
}
