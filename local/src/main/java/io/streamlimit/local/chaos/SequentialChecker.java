package io.streamlimit.local.chaos;

import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.UidLedger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exact check, for histories where each uid was driven by one thread with a clock it
 * controls: every answer must equal the model's, replayed in the same order. The checker keeps
 * every model state that explains the history so far ({@link ModelStates}) and reports a
 * violation when none explains an answer or the final state.
 */
final class SequentialChecker {

    /** Model states kept per uid before the checker gives up on that uid as too ambiguous. */
    static final int MAX_CANDIDATES = 4_096;

    private static final Comparator<Op> CALL_ORDER = Comparator.comparingLong(Op::invoked).thenComparingLong(Op::id);

    private final LedgerSettings settings;
    private int ambiguousUids;

    SequentialChecker(LedgerSettings settings) {
        this.settings = settings;
    }

    int ambiguousUids() {
        return ambiguousUids;
    }

    /**
     * @param finals each uid's stored item at the end (a missing uid: nothing stored); null to skip the final check
     * @param finalNow the ledger clock at which to read {@code finals}, per uid
     */
    List<Violation> check(List<Op> ops, Map<String, UidLedger> finals, Map<String, Long> finalNow) {
        List<Violation> violations = new ArrayList<>();
        UidHistories.byUid(ops).forEach((uid, history) -> {
            history.sort(CALL_ORDER);
            ModelStates states = replay(uid, history, violations);
            if (states != null && finals != null) {
                UidLedger stored = finals.getOrDefault(uid, UidLedger.empty(uid));
                long now = finalNow.getOrDefault(uid, Long.MIN_VALUE);
                checkTombstones(uid, history, stored, violations);
                checkFinalState(uid, states, stored, now, violations);
            }
        });
        return violations;
    }

    /** Replays one uid's history, group by group; null when it cannot be decided. */
    private ModelStates replay(String uid, List<Op> history, List<Violation> violations) {
        ModelStates states = new ModelStates(settings);
        Map<Integer, Set<String>> lastMentions = lastMentions(history);
        int start = 0;
        while (start < history.size()) {
            int end = endOfGroup(history, start);
            if (start > 0 && history.get(start - 1).returned() > history.get(start).invoked()) {
                violations.add(new Violation("sequential history", uid, "operations overlap; use checkConcurrent: " + history.get(start)));
                return null;
            }
            requireClock(history.get(start));
            advance(uid, states, history.subList(start, end), violations);
            states.forget(streamsLastNamedIn(lastMentions, start, end));
            if (states.size() > MAX_CANDIDATES) {
                ambiguousUids++;
                return null;
            }
            start = end;
        }
        return states;
    }

    /** One operation with its answer seen, or a consumer batch recorded with the same ticks. */
    private static void advance(String uid, ModelStates states, List<Op> group, List<Violation> violations) {
        if (group.size() == 1) {
            Violation violation = states.step(uid, group.get(0));
            if (violation != null) {
                violations.add(violation);
            }
        } else {
            states.batch(group);
        }
    }

    /** The end (exclusive) of the group that starts at {@code start}: the operations invoked at the same tick. */
    private static int endOfGroup(List<Op> history, int start) {
        int end = start + 1;
        while (end < history.size() && history.get(end).invoked() == history.get(start).invoked()) {
            end++;
        }
        return end;
    }

    private static void requireClock(Op op) {
        if (op.clockMillis() < 0) {
            throw new IllegalArgumentException("a sequential history needs the ledger clock of every operation: " + op);
        }
    }

    /** For each index, the streams the history names there for the last time. */
    private static Map<Integer, Set<String>> lastMentions(List<Op> history) {
        Map<String, Integer> last = new HashMap<>();
        for (int k = 0; k < history.size(); k++) {
            if (history.get(k).streamId() != null) {
                last.put(history.get(k).streamId(), k);
            }
        }
        Map<Integer, Set<String>> lastMentions = new HashMap<>();
        last.forEach((stream, k) -> lastMentions.computeIfAbsent(k, x -> new HashSet<>()).add(stream));
        return lastMentions;
    }

    private static Set<String> streamsLastNamedIn(Map<Integer, Set<String>> lastMentions, int start, int end) {
        Set<String> done = new HashSet<>();
        for (int k = start; k < end; k++) {
            done.addAll(lastMentions.getOrDefault(k, Set.of()));
        }
        return done;
    }

    /** Every close that surely took effect left a tombstone, and no stream that was never closed has one. */
    private static void checkTombstones(String uid, List<Op> history, UidLedger stored, List<Violation> violations) {
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
    }

    /** Some model state must be the stored one (streams no longer named are forgotten by name). */
    private static void checkFinalState(String uid, ModelStates states, UidLedger stored, long now, List<Violation> violations) {
        Set<String> live = UidHistories.live(stored, now);
        if (states.states().stream().anyMatch(m -> explains(m, now, live, stored))) {
            return;
        }
        ModelLedger any = states.states().iterator().next();
        violations.add(new Violation(finalInvariant(any.live(now), live), uid, "final state: stored open="
                + live + " closed=" + stored.closed().size() + " denied=" + stored.denied().keySet()
                + ", model open=" + any.live(now) + " closed=" + any.closed().size() + " denied=" + any.denied()
                + (states.size() > 1 ? " (or " + (states.size() - 1) + " other states)" : "")));
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
}
