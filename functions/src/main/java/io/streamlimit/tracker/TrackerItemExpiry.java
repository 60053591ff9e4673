package io.streamlimit.tracker;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * When tracker items expire: {@code lifetime} after their last use, in epoch seconds (the unit
 * DynamoDB's TTL reads). TTL deletes expired items lazily, hours to days late, so every read
 * checks the expiry itself: an expired item that is still stored counts as gone.
 *
 * @param lifetime how long an item lives after it was last used; whole seconds, at least one
 * @param clock where the stores read "now" when counting
 */
public record TrackerItemExpiry(Duration lifetime, Clock clock) {

    /** A month: a token in weekly use never expires, an abandoned one is gone within weeks. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);

    public TrackerItemExpiry {
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(clock, "clock");
        if (lifetime.getSeconds() < 1) {
            throw new IllegalArgumentException("tracker item lifetime must be at least 1 second, got " + lifetime);
        }
    }

    /** The default lifetime on the system clock. */
    public static TrackerItemExpiry defaults() {
        return new TrackerItemExpiry(DEFAULT_LIFETIME, Clock.systemUTC());
    }

    long nowMillis() {
        return clock.millis();
    }

    /** The expiry an item used at {@code nowMillis} gets: epoch seconds. */
    long expiresAtSeconds(long nowMillis) {
        return Math.floorDiv(nowMillis, 1000) + lifetime.getSeconds();
    }

    /** The epoch second at or before which a stored expiry means the item is gone. */
    static long nowSeconds(long nowMillis) {
        return Math.floorDiv(nowMillis, 1000);
    }

    /** Live while the expiry is after the current second; an item without one (written before expiry existed) is live. */
    static boolean isLive(Long expiresAtSeconds, long nowMillis) {
        return expiresAtSeconds == null || expiresAtSeconds > nowSeconds(nowMillis);
    }
}
