package io.streamlimit.local.chaos;

import io.streamlimit.event.EventType;
import io.streamlimit.event.StreamEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records what one consumer invocation did to the ledger, message by message, in the order the
 * consumer applies them, with the same ticks: the checker tries the batch in every order.
 */
final class BatchRecorder {

    private final History history;
    private final Set<String> appliedKeys;

    /** @param appliedKeys collects the {@link #key} of every event the ledger applied */
    BatchRecorder(History history, Set<String> appliedKeys) {
        this.history = history;
        this.appliedKeys = appliedKeys;
    }

    /** An event's identity for lost and applied-twice checks: type, uid and stream. */
    static String key(StreamEvent e) {
        return e.type().wireName() + " " + e.uid() + "/" + e.streamId();
    }

    /**
     * @param applied the events the downstream was handed (null: none); an event of the batch
     *     not among them was reported as a failed item
     * @return operations recorded
     */
    int record(List<QueuedMessage> batch, long invoked, long returned, long ledgerMillis, List<StreamEvent> applied) {
        Set<StreamEvent> appliedSet = applied == null ? Set.of() : new HashSet<>(applied);
        for (QueuedMessage m : batch) {
            if (m.poison()) {
                history.record(OpKind.POISON, null, null, "handler", invoked, returned, ledgerMillis, new Answer.Rejected(m.rejection));
                continue;
            }
            boolean wasApplied = appliedSet.contains(m.event);
            if (wasApplied) {
                appliedKeys.add(key(m.event));
            }
            history.record(m.event.type() == EventType.OPEN ? OpKind.OPEN : OpKind.CLOSE, m.event.uid(),
                    m.event.streamId(), "handler", invoked, returned, ledgerMillis, m.event.at().toEpochMilli(),
                    wasApplied ? new Answer.Applied(null) : new Answer.Failed("reported as a failed item"));
        }
        return batch.size();
    }
}
