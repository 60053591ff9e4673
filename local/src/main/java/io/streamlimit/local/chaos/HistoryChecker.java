package io.streamlimit.local.chaos;

import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.Outcome;
import io.streamlimit.ledger.UidLedger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a history of ledger operations, and the ledger's final state, against the ledger's four
 * invariants (numbered as in docs/ARCHITECTURE.md; see {@link ModelLedger}).
 *
 * <p>Two checks, by how the history was made:
 * <ul>
 *   <li>{@link #checkSequential}: each uid was driven by one thread with a clock it controls.
 *       Every answer must equal the model's, replayed in the same order. An operation that failed
 *       with an infrastructure error may or may not have taken effect, so the checker keeps every
 *       model state that explains the history so far (usually one, rarely a few) and reports a
 *       violation when none explains an answer or the final state.</li>
 *   <li>{@link #checkConcurrent}: any number of threads per uid, real-time order only. Sound
 *       bounds instead of a full linearizability search: no answer reports more than the limit;
 *       at no moment do more streams certainly hold a slot than the limit; no stream is opened or
 *       closed twice; nothing holds a slot after its close completed; each {@code check} lies
 *       between the streams certainly and possibly holding a slot during it; and the final state
 *       contains every stream that must be open and none that cannot be.</li>
 * </ul>
 */
public final class HistoryChecker {

    /** Model states kept per uid before the checker gives up on that uid as too ambiguous. */
    static final int MAX_CANDIDATES = 4_096;

    private final LedgerSettings settings;
    private int ambiguousUids;

    public HistoryChecker(LedgerSettings settings) {
        this.settings = settings;
    }

    /** Uids the sequential check could not decide (too many failed operations in a row); not violations. */
    public int ambiguousUids() {
        return ambiguousUids;
    }

    // ---------------------------------------------------------------- sequential

    /**
     * @param finals each uid's stored item at the end (a missing uid: nothing stored)
     * @param finalNow the ledger clock at which to read {@code finals}, per uid
     */
    public List<Violation> checkSequential(List<Op> ops, Map<String, UidLedger> finals, Map<String, Long> finalNow) {
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<String, List<Op>> entry : byUid(ops).entrySet()) {
            String uid = entry.getKey();
            List<Op> history = entry.getValue();
            history.sort(Comparator.comparingLong(Op::invoked).thenComparingLong(Op::id));
            Set<ModelLedger> candidates = new LinkedHashSet<>();
            candidates.add(new ModelLedger(settings));
            Map<Integer, Set<String>> lastMentions = new HashMap<>();
            Map<String, Integer> last = new HashMap<>();
            for (int k = 0; k < history.size(); k++) {
                if (history.get(k).streamId() != null) {
                    last.put(history.get(k).streamId(), k);
                }
            }
            last.forEach((stream, k) -> lastMentions.computeIfAbsent(k, x -> new HashSet<>()).add(stream));
            boolean decidable = true;
            int i = 0;
            while (i < history.size() && decidable) {
                Op op = history.get(i);
                int end = i + 1;
                while (end < history.size() && history.get(end).invoked() == op.invoked()) {
                    end++;
                }
                if (i > 0 && history.get(i - 1).returned() > op.invoked()) {
                    violations.add(new Violation("sequential history", uid, "operations overlap; use checkConcurrent: " + op));
                    decidable = false;
                    break;
                }
                if (op.clockMillis() < 0) {
                    throw new IllegalArgumentException("a sequential history needs the ledger clock of every operation: " + op);
                }
                candidates = end - i == 1 ? step(uid, op, candidates, violations) : batch(history.subList(i, end), candidates);
                Set<String> done = new HashSet<>();
                for (int k = i; k < end; k++) {
                    done.addAll(lastMentions.getOrDefault(k, Set.of()));
                }
                if (!done.isEmpty()) {
                    Set<ModelLedger> merged = new LinkedHashSet<>();
                    for (ModelLedger m : candidates) {
                        m.forget(done);
                        merged.add(m);
                    }
                    candidates = merged;
                }
                if (candidates.size() > MAX_CANDIDATES) {
                    ambiguousUids++;
                    decidable = false;
                }
                i = end;
            }
            if (decidable && finals != null) {
                UidLedger stored = finals.getOrDefault(uid, UidLedger.empty(uid));
                long now = finalNow.getOrDefault(uid, Long.MIN_VALUE);
                Set<String> live = live(stored, now);
                // Streams no longer named are forgotten by name (see ModelLedger#forget).
                boolean explained = candidates.stream().anyMatch(m -> explains(m, now, live, stored));
                // Tombstones, stream by stream: every close that surely took effect left one, and
                // no stream that was never closed has one.
                Set<String> closedForSure = new HashSet<>();
                Set<String> everClosed = new HashSet<>();
                for (Op op : history) {
                    if (op.kind().closes()) {
                        everClosed.add(op.streamId());
                        if (op.closedForSure()) {
                            closedForSure.add(op.streamId());
                        }
                    }
                }
                for (String stream : closedForSure) {
                    if (!stored.closed().containsKey(stream)) {
                        violations.add(new Violation("3: close lost", uid, stream + " was closed but has no tombstone"));
                    }
                }
                for (String stream : stored.closed().keySet()) {
                    if (!everClosed.contains(stream)) {
                        violations.add(new Violation("3: tombstone from nowhere", uid, stream + " has a tombstone but was never closed"));
                    }
                }
                if (!explained) {
                    ModelLedger any = candidates.iterator().next();
                    violations.add(new Violation(finalInvariant(any.live(now), live), uid, "final state: stored open="
                            + live + " closed=" + stored.closed().size() + " denied=" + stored.denied().keySet()
                            + ", model open=" + any.live(now) + " closed=" + any.closed().size() + " denied=" + any.denied()
                            + (candidates.size() > 1 ? " (or " + (candidates.size() - 1) + " other states)" : "")));
                }
            }
        }
        return violations;
    }

    /** The stored state is the model's, up to the names the model forgot. */
    private static boolean explains(ModelLedger m, long now, Set<String> live, UidLedger stored) {
        Set<String> named = new HashSet<>();
        int anonymous = 0;
        for (String stream : m.live(now)) {
            if (ModelLedger.anonymous(stream)) {
                anonymous++;
            } else {
                named.add(stream);
            }
        }
        return live.containsAll(named) && live.size() == named.size() + anonymous
                && stored.closed().keySet().containsAll(m.closed()) && stored.denied().keySet().containsAll(m.denied());
    }

    private static String finalInvariant(Set<String> expected, Set<String> stored) {
        if (stored.size() > expected.size()) {
            return "1: final open count (applied twice or close lost?)";
        }
        if (stored.size() < expected.size()) {
            return "1: final open count (event lost?)";
        }
        return "1: final open streams";
    }

    /**
     * Operations of one consumer batch (recorded with the same ticks): the consumer applies them
     * side by side, so any order is possible, and one that failed may or may not have taken effect.
     * Their answers are not seen, so the result is every state some order reaches.
     */
    private Set<ModelLedger> batch(List<Op> group, Set<ModelLedger> candidates) {
        List<Op> ops = new ArrayList<>();
        for (Op op : group) {
            if (op.answer() instanceof Answer.Applied applied && applied.outcome() == null) {
                ops.add(op);
            } else if (op.failed() && op.kind() != OpKind.CHECK) {
                ops.add(op);
            } else if (op.kind() != OpKind.POISON && !(op.answer() instanceof Answer.Rejected)) {
                throw new IllegalArgumentException("operations with the same ticks must be a batch with unseen answers: " + op);
            }
        }
        if (ops.size() > 16) {
            throw new IllegalArgumentException("a batch of more than 16 operations on one uid: " + group.get(0));
        }
        List<Set<ModelLedger>> reached = new ArrayList<>(1 << ops.size());
        for (int mask = 0; mask < 1 << ops.size(); mask++) {
            reached.add(new LinkedHashSet<>());
        }
        reached.get(0).addAll(candidates);
        for (int mask = 0; mask < 1 << ops.size(); mask++) {
            for (ModelLedger m : reached.get(mask)) {
                for (int i = 0; i < ops.size(); i++) {
                    if ((mask & 1 << i) != 0) {
                        continue;
                    }
                    Op op = ops.get(i);
                    ModelLedger after = m.copy();
                    apply(after, op, op.clockMillis());
                    reached.get(mask | 1 << i).add(after);
                    if (op.failed()) {
                        reached.get(mask | 1 << i).add(m);
                    }
                }
            }
            if (mask != (1 << ops.size()) - 1) {
                reached.set(mask, null); // only supersets are built from here on
            }
        }
        return reached.get((1 << ops.size()) - 1);
    }

    private Set<ModelLedger> step(String uid, Op op, Set<ModelLedger> candidates, List<Violation> violations) {
        Answer answer = op.answer();
        if (op.kind() == OpKind.POISON || answer instanceof Answer.Rejected) {
            return candidates;
        }
        long now = op.clockMillis();
        Set<ModelLedger> next = new LinkedHashSet<>();
        if (answer instanceof Answer.Failed) {
            for (ModelLedger m : candidates) {
                next.add(m);
                if (op.kind() != OpKind.CHECK) {
                    ModelLedger applied = m.copy();
                    apply(applied, op, now);
                    next.add(applied);
                }
            }
            return next;
        }
        Set<ModelLedger> unfiltered = new LinkedHashSet<>();
        Set<String> expected = new LinkedHashSet<>();
        for (ModelLedger m : candidates) {
            ModelLedger after = m.copy();
            Object predicted = apply(after, op, now);
            unfiltered.add(after);
            if (matches(predicted, answer, op)) {
                next.add(after);
            } else {
                expected.add(String.valueOf(predicted));
            }
        }
        if (next.isEmpty()) {
            violations.add(new Violation(invariantOf(op, answer, expected), uid, op + ", model expected " + expected));
            return unfiltered; // go on from what the model would have done, so one fault is reported once
        }
        return next;
    }

    private static String invariantOf(Op op, Answer answer, Set<String> expected) {
        if (answer instanceof Answer.Acquired a && a.allowed() && expected.stream().anyMatch(e -> e.contains("allowed=false"))) {
            return "2: limit exceeded through acquire";
        }
        if (answer instanceof Answer.Applied applied && applied.outcome() != null) {
            return switch (applied.outcome()) {
                case OPENED -> expected.contains("REFRESHED") || expected.contains("DUPLICATE") ? "3: duplicate applied twice"
                        : expected.contains("ALREADY_CLOSED") ? "3: open after close counted" : "2/3: open";
                case CLOSED, TOMBSTONED -> "3: duplicate close applied twice";
                default -> "1-3: event answer";
            };
        }
        if (answer instanceof Answer.Checked) {
            return "1/4: check answer";
        }
        return "1-4: answer";
    }

    /** Applies {@code op} to the model and returns what it answers. */
    private static Object apply(ModelLedger m, Op op, long now) {
        return switch (op.kind()) {
            case OPEN -> m.open(op.streamId(), op.openedAtMillis() >= 0 ? op.openedAtMillis() : now, now);
            case CLOSE, RELEASE -> m.close(op.streamId(), now);
            case ACQUIRE -> m.acquire(op.streamId(), now);
            case CHECK -> m.check(now);
            case POISON -> null;
        };
    }

    private static boolean matches(Object predicted, Answer answer, Op op) {
        if (answer instanceof Answer.Applied applied) {
            return applied.outcome() == null || applied.outcome() == predicted;
        }
        if (answer instanceof Answer.Checked checked) {
            return predicted instanceof Integer open && open == checked.open();
        }
        if (answer instanceof Answer.Acquired acquired && predicted instanceof ModelLedger.AcquireAnswer model) {
            if (acquired.allowed() != model.allowed() || acquired.open() != model.open()) {
                return false;
            }
            return !acquired.allowed() || acquired.leaseExpiresAt() != null
                    && acquired.leaseExpiresAt().toEpochMilli() == model.leaseExpiresAt();
        }
        return false;
    }

    // ---------------------------------------------------------------- concurrent

    /**
     * @param finals each uid's stored item at the end; null to skip the final-state check
     * @param finalNow the ledger clock at which {@code finals} are read; leases must not have
     *     expired during the history (keep them longer than the run)
     */
    public List<Violation> checkConcurrent(List<Op> ops, Map<String, UidLedger> finals, long finalNow) {
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<String, List<Op>> entry : byUid(ops).entrySet()) {
            checkUidConcurrent(entry.getKey(), entry.getValue(), finals, finalNow, violations);
        }
        return violations;
    }

    private void checkUidConcurrent(String uid, List<Op> history, Map<String, UidLedger> finals, long finalNow,
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
        Set<String> live = live(stored, now);
        if (live.size() > settings.limit()) {
            violations.add(new Violation("2: limit exceeded", uid, "final state holds " + live.size() + " streams: " + live));
        }
        // With no more streams than the limit, no open can have been denied.
        long slotStreams = byStream.values().stream().filter(ops -> ops.stream().anyMatch(HistoryChecker::mayGiveSlot)).count();
        boolean noDenials = slotStreams <= settings.limit();
        for (Map.Entry<String, List<Op>> e : byStream.entrySet()) {
            String stream = e.getKey();
            List<Op> streamOps = e.getValue();
            boolean anyClose = streamOps.stream().anyMatch(op -> op.kind().closes());
            boolean closedForSure = streamOps.stream().anyMatch(Op::closedForSure);
            boolean mustHold = !anyClose && streamOps.stream().anyMatch(op -> op.holds()
                    || noDenials && op.kind() == OpKind.OPEN && op.answer() instanceof Answer.Applied);
            boolean mayHold = !closedForSure && streamOps.stream().anyMatch(HistoryChecker::mayGiveSlot);
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

    // ---------------------------------------------------------------- helpers

    private static Map<String, List<Op>> byUid(List<Op> ops) {
        Map<String, List<Op>> byUid = new LinkedHashMap<>();
        for (Op op : ops) {
            if (op.uid() != null) {
                byUid.computeIfAbsent(op.uid(), k -> new ArrayList<>()).add(op);
            }
        }
        return byUid;
    }

    static Set<String> live(UidLedger stored, long now) {
        Set<String> live = new HashSet<>();
        stored.active().forEach((stream, expiry) -> {
            if (expiry > now) {
                live.add(stream);
            }
        });
        return live;
    }
}
