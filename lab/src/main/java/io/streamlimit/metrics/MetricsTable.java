package io.streamlimit.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The metrics as an aligned text table: one value column for one run, a measured run beside
 * its simulated twin, or one column per run to compare them. Labels are left-aligned, values
 * right-aligned.
 */
public final class MetricsTable {

    private static final String GAP = "  ";

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
        int[] widths = new int[runs.size() + 1];
        for (String[] line : lines) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            String[] line = lines.get(l);
            out.append(pad(line[0], widths[0], false));
            for (int c = 1; c < line.length; c++) {
                out.append(GAP).append(pad(line[c], widths[c], true));
            }
            out.append('\n');
            if (l == 0) {
                out.append(rule(widths)).append('\n');
            }
        }
        return out.toString();
    }

    private static String[] row(String label, String[] values) {
        String[] row = new String[values.length + 1];
        row[0] = label;
        System.arraycopy(values, 0, row, 1, values.length);
        return row;
    }

    private static String rule(int[] widths) {
        StringBuilder rule = new StringBuilder("-".repeat(widths[0]));
        for (int c = 1; c < widths.length; c++) {
            rule.append(GAP).append("-".repeat(widths[c]));
        }
        return rule.toString();
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(width - text.length());
        return right ? spaces + text : text + spaces;
    }
}
