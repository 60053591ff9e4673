package io.streamlimit.local.run;

import java.time.Duration;

/** Hears how a run is going, about twice a second. */
@FunctionalInterface
public interface RunProgress {

    RunProgress NONE = snapshot -> {
    };

    void update(Snapshot snapshot);

    /** Where a run stands. */
    record Snapshot(int total, int published, int completed, int deadLettered, int busyInstances, long throttles, Duration elapsed) {
    }
}
