package io.streamlimit.report;

import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.results.RunData;
import java.util.Objects;

/**
 * A measured run's simulated twin: the simulator's rows for the same scenario, number of events
 * and AWS behaviour, and the metrics computed from them by the same code as the measurement's.
 */
public record Twin(RunData data, RunMetrics metrics) {

    public Twin {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(metrics, "metrics");
    }
}
