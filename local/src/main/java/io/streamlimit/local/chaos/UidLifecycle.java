package io.streamlimit.local.chaos;

import io.streamlimit.event.EventType;
import io.streamlimit.event.StreamEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The five events an end-to-end phase gives each uid: stream a opened and closed, b never closed
 * (its lease must free it), c opened and closed; numbered from {@code firstSeq} on.
 */
final class UidLifecycle {

    static final int EVENTS = 5;

    private UidLifecycle() {
    }

    /** In the order a player sends them: open a, open b, close a, open c, close c. */
    static List<StreamEvent> inOrder(String uid, String source, long firstSeq) {
        return events(uid, source, firstSeq, "+a", "+b", "-a", "+c", "-c");
    }

    /** As a best-effort pipeline may deliver them: c's close before its open, and c last. */
    static List<StreamEvent> closeFirst(String uid, String source, long firstSeq) {
        return events(uid, source, firstSeq, "-c", "+a", "+b", "-a", "+c");
    }

    /** Each step opens (+) or closes (-) the uid's stream of that letter; seqs follow the steps. */
    private static List<StreamEvent> events(String uid, String source, long firstSeq, String... steps) {
        List<StreamEvent> events = new ArrayList<>(steps.length);
        for (int i = 0; i < steps.length; i++) {
            EventType type = steps[i].charAt(0) == '+' ? EventType.OPEN : EventType.CLOSE;
            events.add(new StreamEvent(type, uid, uid + "-" + steps[i].substring(1), null, source, firstSeq + i));
        }
        return List.copyOf(events);
    }
}
