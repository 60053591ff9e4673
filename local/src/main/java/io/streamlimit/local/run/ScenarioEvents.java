package io.streamlimit.local.run;

import io.streamlimit.event.EventType;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.Viewers;
import java.util.ArrayList;
import java.util.List;

/**
 * The events a scenario sends, deterministically: groups of three (open A, open B, close A), so
 * each group leaves one stream open; group {@code g} belongs to uid {@code viewer-(g mod users)} ({@link Viewers}).
 * {@code seq} is the publish order, the {@code id} of the results rows.
 */
public final class ScenarioEvents {

    private ScenarioEvents() {
    }

    public static List<StreamEvent> generate(EventsSpec spec, String runId) {
        List<StreamEvent> events = new ArrayList<>(spec.total());
        for (int i = 0; i < spec.total(); i++) {
            int group = i / 3;
            String uid = Viewers.uid(Viewers.of(i, spec.users()));
            String stream = runId + "-" + group + (i % 3 == 1 ? "b" : "a");
            EventType type = i % 3 == 2 ? EventType.CLOSE : EventType.OPEN;
            events.add(new StreamEvent(type, uid, stream, null, runId, (long) i));
        }
        return events;
    }
}
