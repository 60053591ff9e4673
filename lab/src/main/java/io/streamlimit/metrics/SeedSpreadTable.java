package io.streamlimit.metrics;

import io.streamlimit.report.TextTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A {@link SeedSpread} as an aligned text table: per metric its median, smallest and largest value. */
public final class SeedSpreadTable {

    private SeedSpreadTable() {
    }

    public static String format(SeedSpread spread) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"Metric", "Median", "Min", "Max"});
        for (Metric metric : Metric.values()) {
            lines.add(new String[] {metric.label(), text(metric, spread.median(metric)),
                    text(metric, spread.min(metric)), text(metric, spread.max(metric))});
        }
        return TextTable.format(lines, new boolean[] {false, true, true, true})
                + spread.seeds() + " seeds (" + spread.firstSeed() + " to " + spread.lastSeed() + ")\n";
    }

    private static String text(Metric metric, BigDecimal value) {
        return metric.withUnit(value.toPlainString());
    }
}
