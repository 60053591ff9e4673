package io.streamlimit.local.chaos;

import io.streamlimit.event.EventType;
import io.streamlimit.event.StreamEvent;
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
        return List.of(
                event(EventType.OPEN, uid, "a", source, firstSeq),
                event(EventType.OPEN, uid, "b", source, firstSeq + 1),
                event(EventType.CLOSE, uid, "a", source, firstSeq + 2),
                event(EventType.OPEN, uid, "c", source, firstSeq + 3),
                event(EventType.CLOSE, uid, "c", source, firstSeq + 4));
    }

    /** As a best-effort pipeline may deliver them: c's close before its open, and c last. */
    static List<StreamEvent> closeFirst(String uid, String source, long firstSeq) {
        return List.of(
                event(EventType.CLOSE, uid, "c", source, firstSeq),
                event(EventType.OPEN, uid, "a", source, firstSeq + 1),
                event(EventType.OPEN, uid, "b", source, firstSeq + 2),
                event(EventType.CLOSE, uid, "a", source, firstSeq + 3),
                event(EventType.OPEN, uid, "c", source, firstSeq + 4));
    }

    private static StreamEvent event(EventType type, String uid, String stream, String source, long seq) {
        return new StreamEvent(type, uid, uid + "-" + stream, null, source, seq);
    }
}
