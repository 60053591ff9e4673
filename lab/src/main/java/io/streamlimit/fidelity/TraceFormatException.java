package io.streamlimit.fidelity;

/**
 * A trace file that cannot be read. The message is one line naming the file, the line and, when
 * one value is wrong, its column, for example
 * {@code trace.csv: line 12, column started_at: not a timestamp like 2020-06-07 16:24:06.165000, got "noon"}.
 * An {@link IllegalArgumentException}, so the CLI reports it as a user error.
 */
public class TraceFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final String column;

    /**
     * @param line 1-based line number, or 0 when the problem is the whole file
     * @param column the column's header name, or null when the problem is the whole line or file
     */
    public TraceFormatException(String source, int line, String column, String problem) {
        super(source + (line > 0 ? ": line " + line : "") + (column != null ? ", column " + column : "")
                + ": " + problem);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public String column() {
        return column;
    }
}
