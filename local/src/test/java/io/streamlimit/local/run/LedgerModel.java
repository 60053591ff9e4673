package io.streamlimit.local.run;

import io.streamlimit.event.EventType;
import io.streamlimit.event.StreamEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expected ledger after a set of events has been applied in any order, for event sets in
 * which no uid ever has more streams than the limit (so no open is ever denied): the streams
 * opened and never closed.
 */
final class LedgerModel {

    private LedgerModel() {
    }

    static Map<String, Integer> openStreams(List<StreamEvent> events) {
        Set<String> closed = new HashSet<>();
        events.stream().filter(e -> e.type() == EventType.CLOSE).forEach(e -> closed.add(e.streamId()));
        Map<String, Integer> open = new HashMap<>();
        for (StreamEvent e : events) {
            if (e.type() == EventType.OPEN && !closed.contains(e.streamId())) {
                open.merge(e.uid(), 1, Integer::sum);
            }
        }
        return open;
    }

    static Map<String, Integer> streamsPerUid(List<StreamEvent> events) {
        Map<String, Set<String>> streams = new HashMap<>();
        events.forEach(e -> streams.computeIfAbsent(e.uid(), k -> new HashSet<>()).add(e.streamId()));
        Map<String, Integer> counts = new HashMap<>();
        streams.forEach((uid, s) -> counts.put(uid, s.size()));
        return counts;
    }
}
