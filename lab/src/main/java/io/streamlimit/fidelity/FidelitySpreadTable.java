package io.streamlimit.fidelity;

import io.streamlimit.report.TextTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A fidelity spread as an aligned text table: per figure the real value, its band, the smallest,
 * median and largest simulated value over the seeds, and in how many seeds it was inside the band.
 */
public final class FidelitySpreadTable {

    private static final String[] HEADER = {"Case", "Figure", "Real", "Band", "Min", "Median", "Max", "Inside band"};
    private static final boolean[] RIGHT = {false, false, true, false, true, true, true, true};

    private FidelitySpreadTable() {
    }

    public static String format(FidelitySpread spread) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (FigureSpread figure : spread.figures()) {
            lines.add(line(figure));
        }
        return TextTable.format(lines, RIGHT) + spread.summary() + "\n";
    }

    private static String[] line(FigureSpread spread) {
        Figure figure = spread.figure();
        return new String[] {
            spread.caseName(),
            figure.label(),
            FidelityFormat.fixed(spread.real(), figure.places()),
            spread.judged() ? spread.band().describe(spread.real(), figure.places()) : "-",
            FidelityFormat.fixedOrDash(spread.min(), figure.places()),
            FidelityFormat.fixedOrDash(spread.median(), figure.places()),
            FidelityFormat.fixedOrDash(spread.max(), figure.places()),
            spread.judged() ? spread.passes() + " of " + spread.seeds() : "-"
        };
    }
}
