package io.streamlimit.local.chaos;

import io.streamlimit.ledger.LedgerSettings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The model states that explain one uid's history so far. An operation that failed may or may not
 * have taken effect, and a consumer batch applies its events in an order nobody saw, so there can
 * be several; usually there is one. Each step keeps the states whose answers match the recorded
 * one, and reports a violation when none does.
 */
final class ModelStates {

    /** Operations of one uid in one consumer batch the checker tries in every order (2^n subsets). */
    static final int MAX_BATCH = 16;

    private Set<ModelLedger> states = new LinkedHashSet<>();

    ModelStates(LedgerSettings settings) {
        states.add(new ModelLedger(settings));
    }

    Set<ModelLedger> states() {
        return states;
    }

    int size() {
        return states.size();
    }

    /**
     * Replays one operation whose answer was seen; returns the violation when no state answers
     * as it did (the states then go on from what the model would have done, so a fault is
     * reported once), else null.
     */
    Violation step(String uid, Op op) {
        Answer answer = op.answer();
        if (op.kind() == OpKind.POISON || answer instanceof Answer.Rejected) {
            return null;
        }
        long now = op.clockMillis();
        Set<ModelLedger> next = new LinkedHashSet<>();
        if (answer instanceof Answer.Failed) {
            for (ModelLedger m : states) {
                next.add(m);
                if (op.kind() != OpKind.CHECK) {
                    ModelLedger applied = m.copy();
                    ModelAnswers.apply(applied, op, now);
                    next.add(applied);
                }
            }
            states = next;
            return null;
        }
        Set<ModelLedger> unfiltered = new LinkedHashSet<>();
        Set<String> expected = new LinkedHashSet<>();
        for (ModelLedger m : states) {
            ModelLedger after = m.copy();
            Object predicted = ModelAnswers.apply(after, op, now);
            unfiltered.add(after);
            if (ModelAnswers.matches(predicted, answer)) {
                next.add(after);
            } else {
                expected.add(String.valueOf(predicted));
            }
        }
        if (next.isEmpty()) {
            states = unfiltered;
            return new Violation(ModelAnswers.invariantOf(answer, expected), uid, op + ", model expected " + expected);
        }
        states = next;
        return null;
    }

    /**
     * Operations of one consumer batch (recorded with the same ticks): the consumer applies them
     * side by side, so any order is possible, and one that failed may or may not have taken effect.
     * Their answers are not seen, so the result is every state some order reaches.
     */
    void batch(List<Op> group) {
        List<Op> ops = unseenAnswers(group);
        int all = (1 << ops.size()) - 1;
        List<Set<ModelLedger>> reached = new ArrayList<>(all + 1);
        for (int mask = 0; mask <= all; mask++) {
            reached.add(new LinkedHashSet<>());
        }
        reached.get(0).addAll(states);
        for (int mask = 0; mask <= all; mask++) {
            for (ModelLedger m : reached.get(mask)) {
                for (int i = 0; i < ops.size(); i++) {
                    if ((mask & 1 << i) == 0) {
                        applyOneMore(m, ops.get(i), reached.get(mask | 1 << i));
                    }
                }
            }
            if (mask != all) {
                reached.set(mask, null); // only supersets are built from here on
            }
        }
        states = reached.get(all);
    }

    private static void applyOneMore(ModelLedger m, Op op, Set<ModelLedger> into) {
        ModelLedger after = m.copy();
        ModelAnswers.apply(after, op, op.clockMillis());
        into.add(after);
        if (op.failed()) {
            into.add(m);
        }
    }

    private static List<Op> unseenAnswers(List<Op> group) {
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
        if (ops.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch of more than " + MAX_BATCH + " operations on one uid: " + group.get(0));
        }
        return ops;
    }

    /** Forgets the names of streams the rest of the history never names again (see {@link ModelLedger#forget}). */
    void forget(Set<String> streams) {
        if (streams.isEmpty()) {
            return;
        }
        Set<ModelLedger> merged = new LinkedHashSet<>();
        for (ModelLedger m : states) {
            m.forget(streams);
            merged.add(m);
        }
        states = merged;
    }
}
