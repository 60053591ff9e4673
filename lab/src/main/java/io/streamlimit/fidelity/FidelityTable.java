package io.streamlimit.fidelity;

import io.streamlimit.report.TextTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A fidelity report as an aligned text table, one line per figure, then the summary line.
 * Numbers are right-aligned, words left-aligned; "-" where there is nothing to show.
 */
public final class FidelityTable {

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
        return TextTable.format(lines, RIGHT) + report.summary() + " (seed " + report.seed() + ")\n";
    }

    private static String[] line(String caseName, FigureComparison comparison) {
        Figure figure = comparison.figure();
        Double error = comparison.errorPercent();
        return new String[] {
            caseName,
            figure.label(),
            FidelityFormat.fixed(comparison.real(), figure.places()),
            FidelityFormat.fixedOrDash(comparison.simulated(), figure.places()),
            error == null ? "-" : FidelityFormat.signed(error),
            comparison.bandText() == null ? "-" : comparison.bandText(),
            switch (comparison.verdict()) {
                case PASS -> "yes";
                case FAIL -> "NO";
                case SHOWN -> "-";
            }
        };
    }
}
