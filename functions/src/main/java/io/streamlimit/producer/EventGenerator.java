package io.streamlimit.producer;

import io.streamlimit.event.EventType;
import io.streamlimit.event.StreamEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a run's events: {@code count} opens spread round-robin over {@code users} uids, numbered
 * 1..count in publish order ({@code seq}), each on its own stream.
 */
public final class EventGenerator {

    private EventGenerator() {
    }

    public static List<StreamEvent> opens(String runId, int count, int users, Instant sentAt) {
        if (count < 0 || users < 1) {
            throw new IllegalArgumentException("count must be >= 0 and users >= 1, got " + count + " and " + users);
        }
        List<StreamEvent> events = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            events.add(new StreamEvent(EventType.OPEN, "user-" + (i % users), runId + "-s" + i, sentAt, runId, (long) i));
        }
        return events;
    }
}
