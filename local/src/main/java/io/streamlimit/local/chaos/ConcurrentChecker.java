package io.streamlimit.local.chaos;

import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.Outcome;
import io.streamlimit.ledger.UidLedger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The bounds check, for histories with any number of threads per uid and real-time order only.
 * Sound bounds instead of a full linearizability search: no answer reports more than the limit;
 * at no moment do more streams certainly hold a slot than the limit; no stream is opened or
 * closed twice; nothing holds a slot after its close completed; each {@code check} lies between
 * the streams certainly and possibly holding a slot during it; and the final state contains every
 * stream that must be open and none that cannot be.
 */
final class ConcurrentChecker {

    private final LedgerSettings settings;

    ConcurrentChecker(LedgerSettings settings) {
        this.settings = settings;
    }

    /**
     * @param finals each uid's stored item at the end; null to skip the final-state check
     * @param finalNow the ledger clock at which {@code finals} are read; leases must not have
     *     expired during the history (keep them longer than the run)
     */
    List<Violation> check(List<Op> ops, Map<String, UidLedger> finals, long finalNow) {
        List<Violation> violations = new ArrayList<>();
        UidHistories.byUid(ops).forEach((uid, history) -> checkUid(uid, history, finals, finalNow, violations));
        return violations;
    }

    private void checkUid(String uid, List<Op> history, Map<String, UidLedger> finals, long finalNow,
                                    List<Violation> violations) {
        int limit = settings.limit();
        Map<String, List<Op>> byStream = new HashMap<>();
        for (Op op : history) {
            if (op.streamId() != null && op.kind() != OpKind.POISON) {
                byStream.computeIfAbsent(op.streamId(), k -> new ArrayList<>()).add(op);
            }
        }
        // Each answer on its own.
        for (Op op : history) {
            if (op.answer() instanceof Answer.Acquired a) {
                if (a.open() < 0 || a.open() > limit) {
                    violations.add(new Violation("2: limit exceeded through acquire", uid, op.toString()));
                } else if (a.allowed() && (a.open() < 1 || a.leaseExpiresAt() == null)) {
                    violations.add(new Violation("2: acquire answer", uid, "allowed without a slot or a lease: " + op));
                }
            } else if (op.answer() instanceof Answer.Checked c && (c.open() < 0 || c.open() > limit)) {
                violations.add(new Violation("2: limit exceeded", uid, op.toString()));
            }
        }
        // Per stream: opened at most once, closed at most once, never a slot after its close.
        Map<String, long[]> certain = new HashMap<>(); // stream -> [start, end) certainly holding
        for (Map.Entry<String, List<Op>> e : byStream.entrySet()) {
            String stream = e.getKey();
            int opened = 0;
            int closed = 0;
            long firstHoldReturned = Long.MAX_VALUE;
            long firstCloseInvoked = Long.MAX_VALUE;
            long firstCloseReturned = Long.MAX_VALUE;
            for (Op op : e.getValue()) {
                if (op.answer() instanceof Answer.Applied a && a.outcome() != null) {
                    if (a.outcome() == Outcome.OPENED) {
                        opened++;
                    } else if (a.outcome() == Outcome.CLOSED || a.outcome() == Outcome.TOMBSTONED) {
                        closed++;
                    }
                }
                if (op.holds()) {
                    firstHoldReturned = Math.min(firstHoldReturned, op.returned());
                }
                if (op.kind().closes()) {
                    firstCloseInvoked = Math.min(firstCloseInvoked, op.invoked());
                    if (op.closedForSure()) {
                        firstCloseReturned = Math.min(firstCloseReturned, op.returned());
                    }
                }
            }
            if (opened > 1) {
                violations.add(new Violation("3: duplicate applied twice", uid, stream + " answered OPENED " + opened + " times"));
            }
            if (closed > 1) {
                violations.add(new Violation("3: duplicate applied twice", uid, stream + " closed " + closed + " times"));
            }
            for (Op op : e.getValue()) {
                if (op.holds() && op.invoked() > firstCloseReturned) {
                    violations.add(new Violation("3: slot after close", uid, "given after the close completed: " + op));
                }
            }
            if (firstHoldReturned < firstCloseInvoked) {
                certain.put(stream, new long[] {firstHoldReturned, firstCloseInvoked});
            }
        }
        // At no moment more streams certainly holding a slot than the limit.
        TreeMap<Long, Integer> delta = new TreeMap<>();
        certain.values().forEach(iv -> {
            delta.merge(iv[0], 1, Integer::sum);
            delta.merge(iv[1], -1, Integer::sum);
        });
        int holding = 0;
        for (Map.Entry<Long, Integer> d : delta.entrySet()) {
            holding += d.getValue();
            if (holding > limit) {
                violations.add(new Violation("2: limit exceeded", uid, holding + " streams held slots at once at tick "
                        + d.getKey() + " (limit " + limit + ")"));
                break;
            }
        }
        // Each check between the streams certainly and possibly holding a slot during it.
        for (Op op : history) {
            if (!(op.answer() instanceof Answer.Checked checked)) {
                continue;
            }
            int lower = 0;
            for (long[] iv : certain.values()) {
                if (iv[0] < op.invoked() && iv[1] > op.returned()) {
                    lower++;
                }
            }
            int upper = 0;
            for (List<Op> streamOps : byStream.values()) {
                if (possiblyHolding(streamOps, op.invoked(), op.returned())) {
                    upper++;
                }
            }
            if (checked.open() < lower || checked.open() > Math.min(upper, limit)) {
                violations.add(new Violation("1: check answer", uid, op + " outside [" + lower + ", " + Math.min(upper, limit) + "]"));
            }
        }
        if (finals != null) {
            checkFinal(uid, byStream, finals.getOrDefault(uid, UidLedger.empty(uid)), finalNow, violations);
        }
    }

    /** Whether some operation may have given the stream a slot before {@code to}, and no close had surely ended it before {@code from}. */
    private static boolean possiblyHolding(List<Op> streamOps, long from, long to) {
        boolean mayHold = false;
        for (Op op : streamOps) {
            if (op.closedForSure() && op.returned() < from) {
                return false;
            }
            if (op.invoked() < to && mayGiveSlot(op)) {
                mayHold = true;
            }
        }
        return mayHold;
    }

    private static boolean mayGiveSlot(Op op) {
        if (op.kind() == OpKind.ACQUIRE) {
            return op.failed() || op.holds();
        }
        if (op.kind() == OpKind.OPEN) {
            return op.failed() || op.answer() instanceof Answer.Applied a && (a.outcome() == null || a.outcome().counted());
        }
        return false;
    }

    private void checkFinal(String uid, Map<String, List<Op>> byStream, UidLedger stored, long now, List<Violation> violations) {
        Set<String> live = UidHistories.live(stored, now);
        if (live.size() > settings.limit()) {
            violations.add(new Violation("2: limit exceeded", uid, "final state holds " + live.size() + " streams: " + live));
        }
        // With no more streams than the limit, no open can have been denied.
        long slotStreams = byStream.values().stream().filter(ops -> ops.stream().anyMatch(ConcurrentChecker::mayGiveSlot)).count();
        boolean noDenials = slotStreams <= settings.limit();
        for (Map.Entry<String, List<Op>> e : byStream.entrySet()) {
            String stream = e.getKey();
            List<Op> streamOps = e.getValue();
            boolean anyClose = streamOps.stream().anyMatch(op -> op.kind().closes());
            boolean closedForSure = streamOps.stream().anyMatch(Op::closedForSure);
            boolean mustHold = !anyClose && streamOps.stream().anyMatch(op -> op.holds()
                    || noDenials && op.kind() == OpKind.OPEN && op.answer() instanceof Answer.Applied);
            boolean mayHold = !closedForSure && streamOps.stream().anyMatch(ConcurrentChecker::mayGiveSlot);
            if (mustHold && !live.contains(stream)) {
                violations.add(new Violation("1: event lost", uid, stream + " was opened and never closed but holds no slot"));
            }
            if (!mayHold && live.contains(stream)) {
                violations.add(new Violation(closedForSure ? "3: open after close counted" : "1: slot from nowhere", uid,
                        stream + " holds a slot in the final state"));
            }
            if (closedForSure && !stored.closed().containsKey(stream)) {
                violations.add(new Violation("3: close lost", uid, stream + " was closed but has no tombstone"));
            }
        }
        for (String stream : live) {
            if (!byStream.containsKey(stream)) {
                violations.add(new Violation("1: slot from nowhere", uid, stream + " holds a slot nobody asked for"));
            }
        }
    }
}
