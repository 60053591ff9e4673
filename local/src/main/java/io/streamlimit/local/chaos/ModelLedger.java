package io.streamlimit.local.chaos;

import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The ledger's four invariants (docs/ARCHITECTURE.md) for one uid, written as plainly as
 * possible and independently of the real ledger: a set of counted streams with their lease
 * expiry, the closed streams and the denied opens. The history checker replays operations
 * through it and expects the same answers. Tombstones are taken never to expire (the chaos run
 * keeps them for longer than it runs), so two states that differ only in a tombstone's expiry are the same state.
 */
final class ModelLedger {

    /** What an {@code acquire} answers. */
    record AcquireAnswer(boolean allowed, int open, long leaseExpiresAt) {
    }

    private static final String ANONYMOUS = "#";

    private final int limit;
    private final long leaseMillis;
    private final Map<String, Long> active;
    private final Set<String> closed;
    private final Set<String> denied;

    ModelLedger(LedgerSettings settings) {
        this(settings.limit(), settings.leaseDuration().toMillis(), new HashMap<>(), new HashSet<>(), new HashSet<>());
    }

    private ModelLedger(int limit, long leaseMillis, Map<String, Long> active, Set<String> closed, Set<String> denied) {
        this.limit = limit;
        this.leaseMillis = leaseMillis;
        this.active = active;
        this.closed = closed;
        this.denied = denied;
    }

    ModelLedger copy() {
        return new ModelLedger(limit, leaseMillis, new HashMap<>(active), new HashSet<>(closed), new HashSet<>(denied));
    }

    /** Invariant 4: a lease that has run out holds no slot. */
    private void expire(long now) {
        active.values().removeIf(expiry -> expiry <= now);
    }

    /** An {@code open} the player made at {@code openedAt}: its lease runs from then (at most from now). */
    Outcome open(String stream, long openedAt, long now) {
        expire(now);
        long leaseEnd = Math.min(openedAt, now) + leaseMillis;
        if (closed.contains(stream)) {
            return Outcome.ALREADY_CLOSED; // invariant 3: close before open
        }
        if (active.containsKey(stream)) {
            active.put(stream, Math.max(active.get(stream), leaseEnd));
            return Outcome.REFRESHED; // invariant 3: a duplicate changes nothing but the lease
        }
        if (denied.contains(stream)) {
            return Outcome.DUPLICATE;
        }
        if (leaseEnd <= now) {
            return Outcome.EXPIRED; // invariants 3 and 4: a copy of an open whose lease is over counts nothing
        }
        if (active.size() < limit) {
            active.put(stream, leaseEnd);
            return Outcome.OPENED;
        }
        denied.add(stream); // invariant 2: over the limit is recorded as denied, not counted
        return Outcome.DENIED;
    }

    Outcome close(String stream, long now) {
        expire(now);
        if (closed.contains(stream)) {
            return Outcome.DUPLICATE;
        }
        closed.add(stream);
        denied.remove(stream);
        return active.remove(stream) != null ? Outcome.CLOSED : Outcome.TOMBSTONED;
    }

    AcquireAnswer acquire(String stream, long now) {
        expire(now);
        if (closed.contains(stream)) {
            return new AcquireAnswer(false, active.size(), 0);
        }
        if (active.containsKey(stream)) {
            long lease = Math.max(active.get(stream), now + leaseMillis);
            active.put(stream, lease);
            return new AcquireAnswer(true, active.size(), lease);
        }
        if (active.size() >= limit) {
            return new AcquireAnswer(false, active.size(), 0);
        }
        denied.remove(stream);
        active.put(stream, now + leaseMillis);
        return new AcquireAnswer(true, active.size(), now + leaseMillis);
    }

    /**
     * Forgets the names of {@code streams}, which the rest of a history never names again: their
     * tombstones (closed or denied) change no later answer, and a counted one only matters by its
     * lease expiry, so it stays as an anonymous slot ({@code #0}, {@code #1}, ... in expiry order;
     * '#' is not allowed in a stream id). States that differed only in such names then merge,
     * which keeps a long history with unseen batch orders and failed calls cheap to check.
     */
    void forget(Set<String> streams) {
        denied.removeAll(streams);
        closed.removeAll(streams);
        List<Long> anonymous = new ArrayList<>();
        for (Iterator<Map.Entry<String, Long>> it = active.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> e = it.next();
            if (e.getKey().startsWith(ANONYMOUS) || streams.contains(e.getKey())) {
                anonymous.add(e.getValue());
                it.remove();
            }
        }
        Collections.sort(anonymous);
        for (int i = 0; i < anonymous.size(); i++) {
            active.put(ANONYMOUS + i, anonymous.get(i));
        }
    }

    static boolean anonymous(String stream) {
        return stream.startsWith(ANONYMOUS);
    }

    int check(long now) {
        expire(now);
        return active.size();
    }

    /** Streams holding a slot at {@code now}. */
    Set<String> live(long now) {
        Set<String> live = new HashSet<>();
        active.forEach((stream, expiry) -> {
            if (expiry > now) {
                live.add(stream);
            }
        });
        return live;
    }

    Set<String> closed() {
        return Set.copyOf(closed);
    }

    Set<String> denied() {
        return Set.copyOf(denied);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelLedger m && active.equals(m.active) && closed.equals(m.closed) && denied.equals(m.denied);
    }

    @Override
    public int hashCode() {
        return Objects.hash(active, closed, denied);
    }

    @Override
    public String toString() {
        return "active=" + active.keySet() + " closed=" + closed.size() + " denied=" + denied;
    }
}
