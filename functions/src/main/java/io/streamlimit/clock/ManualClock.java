package io.streamlimit.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock moved by hand, so that leases and tombstones expire without waiting hours: for tests
 * and chaos runs. Thread-safe; millisecond resolution and UTC, like the ledger.
 */
public final class ManualClock extends Clock {

    private final AtomicLong millis;

    public ManualClock(Instant start) {
        this.millis = new AtomicLong(start.toEpochMilli());
    }

    /** Starts at 2026-11-23T10:00:00Z, a fixed point so that runs repeat. */
    public static ManualClock atDefaultStart() {
        return new ManualClock(Instant.parse("2026-11-23T10:00:00Z"));
    }

    /**
     * Starts at the current second. Use it with a real DynamoDB: its TTL sweeper runs on the real
     * clock and deletes items whose {@code expiresAt} a clock behind it put in the past.
     */
    public static ManualClock startingNow() {
        return new ManualClock(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
    }

    /** Moves the clock forward; it never goes back. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward, got " + duration);
        }
        millis.addAndGet(duration.toMillis());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the ledger works in UTC");
    }
}
