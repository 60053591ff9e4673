package io.streamlimit.ledger;

import java.util.HashMap;
import java.util.Map;

/**
 * The decisions of the ledger as pure functions of (pruned state, request, now). No I/O, no
 * clock: {@link Ledger} reads, calls these, and writes the result with a compare-and-set.
 */
final class LedgerRules {

    /**
     * Most tombstones kept per uid (closed plus denied). Bounds the item well under DynamoDB's
     * 400 KB; past it the tombstone closest to expiry goes first.
     */
    static final int MAX_TOMBSTONES = 1_000;

    /** A decision: the state to write (null: nothing changes) and the answer to return. */
    record Decision<R>(UidLedger next, R result) {
    }

    private final LedgerSettings settings;

    LedgerRules(LedgerSettings settings) {
        this.settings = settings;
    }

    /**
     * An {@code open} whose lease runs from {@code openedAt} (when the player opened the stream,
     * at most {@code now}): a copy redelivered after that lease ran out finds the stream expired
     * and changes nothing, instead of counting a long-dead stream for another lease.
     */
    Decision<Outcome> open(UidLedger state, String streamId, long openedAt, long now) {
        long leaseEnd = Math.min(openedAt, now) + settings.leaseDuration().toMillis();
        if (state.closed().containsKey(streamId)) {
            return new Decision<>(null, Outcome.ALREADY_CLOSED);
        }
        if (state.active().containsKey(streamId)) {
            return new Decision<>(extend(state, streamId, leaseEnd), Outcome.REFRESHED);
        }
        if (state.denied().containsKey(streamId)) {
            return new Decision<>(null, Outcome.DUPLICATE);
        }
        if (leaseEnd <= now) {
            return new Decision<>(null, Outcome.EXPIRED);
        }
        if (state.openCount(now) < settings.limit()) {
            return new Decision<>(withActive(state, streamId, leaseEnd), Outcome.OPENED);
        }
        Map<String, Long> denied = new HashMap<>(state.denied());
        denied.put(streamId, now + settings.tombstoneRetention().toMillis());
        return new Decision<>(capTombstones(state.uid(), state.active(), state.closed(), denied, state.version()),
                Outcome.DENIED);
    }

    Decision<Outcome> close(UidLedger state, String streamId, long now) {
        if (state.closed().containsKey(streamId)) {
            return new Decision<>(null, Outcome.DUPLICATE);
        }
        Map<String, Long> active = new HashMap<>(state.active());
        boolean wasCounted = active.remove(streamId) != null;
        Map<String, Long> denied = new HashMap<>(state.denied());
        denied.remove(streamId);
        Map<String, Long> closed = new HashMap<>(state.closed());
        closed.put(streamId, now + settings.tombstoneRetention().toMillis());
        return new Decision<>(capTombstones(state.uid(), active, closed, denied, state.version()),
                wasCounted ? Outcome.CLOSED : Outcome.TOMBSTONED);
    }

    Decision<AcquireResult> acquire(UidLedger state, String streamId, long now) {
        int open = state.openCount(now);
        if (state.closed().containsKey(streamId)) {
            // The stream has ended; reviving it would let a redelivered close end it again.
            return new Decision<>(null, new AcquireResult(false, open, settings.limit(), null));
        }
        UidLedger next;
        long leaseEnd = now + settings.leaseDuration().toMillis();
        if (state.active().containsKey(streamId)) {
            next = extend(state, streamId, leaseEnd);
        } else if (open < settings.limit()) {
            next = withActive(state, streamId, leaseEnd);
            open++;
        } else {
            return new Decision<>(null, new AcquireResult(false, open, settings.limit(), null));
        }
        long lease = (next == null ? state : next).active().get(streamId);
        return new Decision<>(next, new AcquireResult(true, open, settings.limit(), java.time.Instant.ofEpochMilli(lease)));
    }

    /** Extends a counted stream's lease to {@code leaseEnd}; null if it would not move (so nothing is written). */
    private UidLedger extend(UidLedger state, String streamId, long leaseEnd) {
        long current = state.active().get(streamId);
        if (leaseEnd <= current) {
            return null;
        }
        Map<String, Long> active = new HashMap<>(state.active());
        active.put(streamId, leaseEnd);
        return new UidLedger(state.uid(), active, state.closed(), state.denied(), state.version());
    }

    private UidLedger withActive(UidLedger state, String streamId, long leaseEnd) {
        Map<String, Long> active = new HashMap<>(state.active());
        active.put(streamId, leaseEnd);
        Map<String, Long> denied = new HashMap<>(state.denied());
        denied.remove(streamId);
        return new UidLedger(state.uid(), active, state.closed(), denied, state.version());
    }

    private static UidLedger capTombstones(String uid, Map<String, Long> active, Map<String, Long> closed,
                                           Map<String, Long> denied, long version) {
        while (closed.size() + denied.size() > MAX_TOMBSTONES) {
            Map<String, Long> from = oldest(closed) <= oldest(denied) ? closed : denied;
            String victim = null;
            long earliest = Long.MAX_VALUE;
            for (Map.Entry<String, Long> e : from.entrySet()) {
                if (e.getValue() < earliest) {
                    earliest = e.getValue();
                    victim = e.getKey();
                }
            }
            from.remove(victim);
        }
        return new UidLedger(uid, active, closed, denied, version);
    }

    private static long oldest(Map<String, Long> map) {
        long earliest = Long.MAX_VALUE;
        for (long expiry : map.values()) {
            earliest = Math.min(earliest, expiry);
        }
        return earliest;
    }
}
