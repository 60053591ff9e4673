package io.streamlimit.fidelity;

import java.util.ArrayList;
import java.util.List;

/**
 * A fidelity report as an aligned text table, one line per figure, then the summary line.
 * Numbers are right-aligned, words left-aligned; "-" where there is nothing to show.
 */
public final class FidelityTable {

    private static final String GAP = "  ";
    private static final String[] HEADER = {"Case", "Figure", "Real", "Simulated", "Error %", "Band", "OK"};
    private static final boolean[] RIGHT = {false, false, true, true, true, false, false};

    private FidelityTable() {
    }

    public static String format(FidelityReport report) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (CaseReport caseReport : report.cases()) {
            for (FigureComparison figure : caseReport.figures()) {
                lines.add(line(caseReport.name(), figure));
            }
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : lines) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            out.append(join(lines.get(l), widths)).append('\n');
            if (l == 0) {
                String[] rule = new String[widths.length];
                for (int c = 0; c < widths.length; c++) {
                    rule[c] = "-".repeat(widths[c]);
                }
                out.append(join(rule, widths)).append('\n');
            }
        }
        out.append(report.summary()).append(" (seed ").append(report.seed()).append(")\n");
        return out.toString();
    }

    private static String[] line(String caseName, FigureComparison comparison) {
        Figure figure = comparison.figure();
        Double error = comparison.errorPercent();
        return new String[] {
            caseName,
            figure.label(),
            FidelityFormat.fixed(comparison.real(), figure.places()),
            comparison.simulated() == null ? "-" : FidelityFormat.fixed(comparison.simulated(), figure.places()),
            error == null ? "-" : FidelityFormat.signed(error),
            comparison.bandText() == null ? "-" : comparison.bandText(),
            switch (comparison.verdict()) {
                case PASS -> "yes";
                case FAIL -> "NO";
                case SHOWN -> "-";
            }
        };
    }

    private static String join(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String spaces = " ".repeat(widths[c] - cells[c].length());
            line.append(c == 0 ? "" : GAP).append(RIGHT[c] ? spaces + cells[c] : cells[c] + spaces);
        }
        return line.toString().stripTrailing();
    }
}
