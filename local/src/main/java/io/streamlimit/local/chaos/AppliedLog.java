package io.streamlimit.local.chaos;

import io.streamlimit.event.EventType;
import io.streamlimit.event.StreamEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an end-to-end phase's consumer applied, as its downstream sees it right after the ledger:
 * each event in the phase's history (from its invocation's entry to the downstream call), its identity
 * among the applied keys, and each uid's events in the order they first got there.
 */
final class AppliedLog {

    private final History history = new History();
    private final String via;
    private final Map<String, Long> entryTicks = new ConcurrentHashMap<>();
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final Set<Long> handedOn = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Long>> firstOrder = new ConcurrentHashMap<>();

    /** @param via how the history names this consumer's operations */
    AppliedLog(String via) {
        this.via = via;
    }

    /** The phase's history: the events applied, and whatever else the phase records. */
    History history() {
        return history;
    }

    /** An invocation began: its operations are invoked from here. */
    void invoked(String requestId) {
        entryTicks.put(requestId, history.tick());
    }

    /** The ledger applied {@code events} in the invocation {@code batchId}. */
    void applied(List<StreamEvent> events, String batchId) {
        long returned = history.tick();
        long invoked = entryTicks.getOrDefault(batchId, 0L);
        for (StreamEvent e : events) {
            keys.add(BatchRecorder.key(e));
            if (e.seq() != null && handedOn.add(e.seq())) {
                List<Long> ofUid = firstOrder.computeIfAbsent(e.uid(), uid -> new ArrayList<>());
                synchronized (ofUid) {
                    ofUid.add(e.seq());
                }
            }
            history.record(e.type() == EventType.OPEN ? OpKind.OPEN : OpKind.CLOSE, e.uid(), e.streamId(), via,
                    invoked, returned, -1, new Answer.Applied(null));
        }
    }

    boolean appliedAll(Collection<String> eventKeys) {
        return keys.containsAll(eventKeys);
    }

    /** The {@link BatchRecorder#key}s of every event applied. */
    Set<String> keys() {
        return Set.copyOf(keys);
    }

    /** Each uid's event seqs in the order they were first applied. */
    Map<String, List<Long>> firstOrder() {
        Map<String, List<Long>> copy = new ConcurrentHashMap<>();
        firstOrder.forEach((uid, seqs) -> {
            synchronized (seqs) {
                copy.put(uid, List.copyOf(seqs));
            }
        });
        return copy;
    }
}
