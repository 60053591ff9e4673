package io.streamlimit.local.parity;

import io.streamlimit.metrics.RunMetrics;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The range of each metric over several simulated runs of one case, and a table beside a local run. */
record Spread(List<RunMetrics> runs) {

    double min(ToDoubleFunction<RunMetrics> metric) {
        return runs.stream().mapToDouble(metric).min().orElseThrow();
    }

    double max(ToDoubleFunction<RunMetrics> metric) {
        return runs.stream().mapToDouble(metric).max().orElseThrow();
    }

    String table(String title, RunMetrics local) {
        StringBuilder out = new StringBuilder("Parity: " + title + "\n");
        out.append(String.format(Locale.ROOT, "%-16s %12s %22s%n", "metric", "local", "simulated (min..max)"));
        row(out, "completed", local.eventsCompleted(), RunMetrics::eventsCompleted);
        row(out, "failed", local.eventsFailed(), RunMetrics::eventsFailed);
        row(out, "max concurrency", local.maxConcurrency(), RunMetrics::maxConcurrency);
        row(out, "time taken (s)", local.timeTakenSeconds(), RunMetrics::timeTakenSeconds);
        row(out, "throttles", local.throttles(), RunMetrics::throttles);
        return out.toString();
    }

    private void row(StringBuilder out, String name, double local, ToDoubleFunction<RunMetrics> metric) {
        out.append(String.format(Locale.ROOT, "%-16s %12.1f %10.1f..%-10.1f%n", name, local, min(metric), max(metric)));
    }
}
