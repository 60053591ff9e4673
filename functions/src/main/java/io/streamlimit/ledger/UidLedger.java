package io.streamlimit.ledger;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the ledger knows about one uid: one DynamoDB item.
 *
 * @param active streams counted against the limit: streamId to lease expiry (epoch ms)
 * @param closed tombstones of closed streams: streamId to tombstone expiry (epoch ms); a later
 *     {@code open} of such a stream is a no-op
 * @param denied tombstones of {@code open} events refused over the limit, so that a redelivered
 *     copy stays refused: streamId to tombstone expiry (epoch ms)
 * @param version incremented by every write; 0 means no item is stored yet
 */
public record UidLedger(String uid, Map<String, Long> active, Map<String, Long> closed,
                        Map<String, Long> denied, long version) {

    public UidLedger {
        Objects.requireNonNull(uid, "uid");
        active = Map.copyOf(active);
        closed = Map.copyOf(closed);
        denied = Map.copyOf(denied);
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0, got " + version);
        }
    }

    /** The state of a uid nobody has written yet. */
    public static UidLedger empty(String uid) {
        return new UidLedger(uid, Map.of(), Map.of(), Map.of(), 0);
    }

    /** Streams whose lease has not expired at {@code nowMillis}. */
    public int openCount(long nowMillis) {
        int count = 0;
        for (long leaseExpiresAt : active.values()) {
            if (leaseExpiresAt > nowMillis) {
                count++;
            }
        }
        return count;
    }

    /** Drops expired leases and tombstones: what a reader at {@code nowMillis} must not see. */
    public UidLedger pruned(long nowMillis) {
        if (allLive(active, nowMillis) && allLive(closed, nowMillis) && allLive(denied, nowMillis)) {
            return this;
        }
        return new UidLedger(uid, live(active, nowMillis), live(closed, nowMillis), live(denied, nowMillis), version);
    }

    /** The latest expiry of anything in the item: after it the whole item is dead (used for TTL). */
    public long lastExpiryMillis() {
        long last = 0;
        for (Map<String, Long> map : java.util.List.of(active, closed, denied)) {
            for (long expiry : map.values()) {
                last = Math.max(last, expiry);
            }
        }
        return last;
    }

    private static boolean allLive(Map<String, Long> map, long nowMillis) {
        for (long expiry : map.values()) {
            if (expiry <= nowMillis) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Long> live(Map<String, Long> map, long nowMillis) {
        Map<String, Long> kept = new HashMap<>();
        map.forEach((streamId, expiry) -> {
            if (expiry > nowMillis) {
                kept.put(streamId, expiry);
            }
        });
        return kept;
    }
}
