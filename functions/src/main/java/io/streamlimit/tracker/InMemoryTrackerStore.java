package io.streamlimit.tracker;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A single-JVM store: for the simulator and for tests that need no DynamoDB. */
public final class InMemoryTrackerStore implements TrackerStore {

    private final Map<String, Map<String, AtomicLong>> counts = new ConcurrentHashMap<>();

    @Override
    public boolean createToken(String token, long issuedAtMillis) {
        return counts.putIfAbsent(token, new ConcurrentHashMap<>()) == null;
    }

    @Override
    public OptionalLong increment(String token, String path) {
        Map<String, AtomicLong> paths = counts.get(token);
        if (paths == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(paths.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet());
    }
}
