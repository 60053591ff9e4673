package io.streamlimit.local.chaos;

import io.streamlimit.event.StreamEvent;

/** One message in the handler phase's emulated queue. */
final class QueuedMessage {

    final String id;
    final String body;
    /** The event the body carries; null for poison. */
    final StreamEvent event;
    /** Why the consumer refuses a poison body; null for a good event. */
    final String rejection;
    int receives;
    long visibleAtMillis;
    /** A fault already hit this message: at most one does, so a good one never runs out of receives. */
    boolean faulted;

    QueuedMessage(String id, String body, StreamEvent event, String rejection) {
        this.id = id;
        this.body = body;
        this.event = event;
        this.rejection = rejection;
    }

    boolean poison() {
        return event == null;
    }
}
