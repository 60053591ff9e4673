package io.streamlimit.metrics;

import io.streamlimit.report.TextTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The metrics as an aligned text table: one value column for one run, a measured run beside
 * its simulated twin, or one column per run to compare them. Labels are left-aligned, values
 * right-aligned.
 */
public final class MetricsTable {

    private MetricsTable() {
    }

    public static String format(RunMetrics metrics) {
        return format(List.of(metrics), List.of("Value"));
    }

    /**
     * A measured run beside the simulator's prediction of it, so a glance shows where the emulator
     * and the model disagree.
     */
    public static String format(RunMetrics measured, RunMetrics simulated) {
        return format(List.of(measured, simulated), List.of("Measured", "Simulated"));
    }

    /** One column per run, headed by its run id. */
    public static String format(List<RunMetrics> runs) {
        return format(runs, runs.stream().map(RunMetrics::runId).toList());
    }

    public static String format(List<RunMetrics> runs, List<String> headers) {
        if (runs.size() != headers.size()) {
            throw new IllegalArgumentException(runs.size() + " runs but " + headers.size() + " headers");
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(row("Metric", headers.toArray(String[]::new)));
        for (Metric metric : Metric.values()) {
            lines.add(row(metric.label(), runs.stream().map(metric::display).toArray(String[]::new)));
        }
        boolean[] right = new boolean[runs.size() + 1];
        Arrays.fill(right, 1, right.length, true);
        return TextTable.format(lines, right);
    }

    private static String[] row(String label, String[] values) {
        String[] row = new String[values.length + 1];
        row[0] = label;
        System.arraycopy(values, 0, row, 1, values.length);
        return row;
    }
}
