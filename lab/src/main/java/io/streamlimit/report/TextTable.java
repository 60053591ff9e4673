package io.streamlimit.report;

import java.util.List;

/**
 * An aligned plain-text table, as the CLI prints metrics, fidelity and fits: the first line is the
 * header, a rule of dashes goes under it, columns are two spaces apart; numbers right-aligned,
 * words left-aligned; no trailing spaces.
 */
public final class TextTable {

    private static final String GAP = "  ";

    private TextTable() {
    }

    /**
     * @param lines the header first, then one array of cells per line, all of the same length
     * @param right per column, true to right-align it
     */
    public static String format(List<String[]> lines, boolean[] right) {
        int columns = right.length;
        int[] widths = new int[columns];
        for (String[] line : lines) {
            if (line.length != columns) {
                throw new IllegalArgumentException("a line has " + line.length + " cells, the table " + columns + " columns");
            }
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            out.append(line(lines.get(l), widths, right)).append('\n');
            if (l == 0) {
                String[] rule = new String[columns];
                for (int c = 0; c < columns; c++) {
                    rule[c] = "-".repeat(widths[c]);
                }
                out.append(line(rule, widths, right)).append('\n');
            }
        }
        return out.toString();
    }

    private static String line(String[] cells, int[] widths, boolean[] right) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String spaces = " ".repeat(widths[c] - cells[c].length());
            line.append(c == 0 ? "" : GAP).append(right[c] ? spaces + cells[c] : cells[c] + spaces);
        }
        return line.toString().stripTrailing();
    }
}
