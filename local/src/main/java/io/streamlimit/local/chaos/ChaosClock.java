package io.streamlimit.local.chaos;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock the chaos run moves by hand, so that leases expire without waiting hours. It starts at
 * the current second: DynamoDB Local's TTL sweeper runs on the real clock, so a virtual clock
 * must never fall behind it. Thread-safe, millisecond resolution like the ledger.
 */
public final class ChaosClock extends Clock {

    private final AtomicLong millis;

    public ChaosClock(Instant start) {
        this.millis = new AtomicLong(start.toEpochMilli());
    }

    public static ChaosClock startingNow() {
        return new ChaosClock(Instant.ofEpochSecond(Instant.now().getEpochSecond()));
    }

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
