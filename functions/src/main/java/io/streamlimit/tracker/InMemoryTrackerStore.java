package io.streamlimit.tracker;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A single-JVM store: for the simulator and for tests that need no DynamoDB. Items expire as in
 * {@link DynamoDbTrackerStore}: each count extends its token and its counter, and an expired one
 * counts as gone.
 */
public final class InMemoryTrackerStore implements TrackerStore {

    /** A token's expiry and its counters; guarded by its own monitor. */
    private static final class TokenEntry {
        long expiresAtSeconds;
        final Map<String, long[]> counters = new HashMap<>(); // path -> {count, expiresAtSeconds}

        TokenEntry(long expiresAtSeconds) {
            this.expiresAtSeconds = expiresAtSeconds;
        }
    }

    private final Map<String, TokenEntry> tokens = new ConcurrentHashMap<>();
    private final TrackerItemExpiry expiry;

    /** Items expire {@link TrackerItemExpiry#DEFAULT_LIFETIME} after their last use, on the system clock. */
    public InMemoryTrackerStore() {
        this(TrackerItemExpiry.defaults());
    }

    public InMemoryTrackerStore(TrackerItemExpiry expiry) {
        this.expiry = expiry;
    }

    @Override
    public boolean createToken(String token, long issuedAtMillis) {
        TokenEntry fresh = new TokenEntry(expiry.expiresAtSeconds(expiry.nowMillis()));
        TokenEntry existing = tokens.putIfAbsent(token, fresh);
        return existing == null;
    }

    @Override
    public OptionalLong increment(String token, String path) {
        long now = expiry.nowMillis();
        TokenEntry entry = tokens.get(token);
        if (entry == null) {
            return OptionalLong.empty();
        }
        synchronized (entry) {
            if (!TrackerItemExpiry.isLive(entry.expiresAtSeconds, now)) {
                return OptionalLong.empty();
            }
            long expiresAt = expiry.expiresAtSeconds(now);
            entry.expiresAtSeconds = expiresAt;
            long[] counter = entry.counters.get(path);
            if (counter == null || !TrackerItemExpiry.isLive(counter[1], now)) {
                counter = new long[] {0, expiresAt};
                entry.counters.put(path, counter);
            }
            counter[0]++;
            counter[1] = expiresAt;
            return OptionalLong.of(counter[0]);
        }
    }
}
