package io.streamlimit.fidelity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a trace: a CSV export of the {@code invocations} table whose first line is exactly
 * {@value #HEADER}. Timestamps look like {@code 2020-06-07 16:24:06.165000} and are UTC unless
 * they carry an offset ({@code +00}, {@code +00:00}, {@code Z}, as PostgreSQL exports
 * {@code timestamptz}). {@code sent_at} and {@code created_at} may be empty; every other value is
 * required. Values are not quoted (ids and timestamps never contain commas).
 *
 * <p>Strict, because a trace is a measurement: the first bad value stops the read with a
 * {@link TraceFormatException} naming its line and column.
 */
public final class TraceReader {

    public static final String HEADER = "id,sent_at,started_at,group_id,batch_id,cache_id,created_at";

    private static final String[] COLUMNS = HEADER.split(",");
    private static final String EXAMPLE = "2020-06-07 16:24:06.165000";
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private TraceReader() {
    }

    /** Reads a trace file (UTF-8). */
    public static Trace read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (NoSuchFileException e) {
            throw new TraceFormatException(file.toString(), 0, null, "no such file");
        } catch (IOException e) {
            throw new TraceFormatException(file.toString(), 0, null, "cannot read it: " + e);
        }
    }

    /**
     * Reads a trace from text.
     *
     * @param source where the text came from (a file name), for messages
     */
    public static Trace read(Reader text, String source) {
        try {
            return parse(text instanceof BufferedReader buffered ? buffered : new BufferedReader(text), source);
        } catch (IOException e) {
            throw new TraceFormatException(source, 0, null, "cannot read it: " + e);
        }
    }

    private static Trace parse(BufferedReader lines, String source) throws IOException {
        String header = lines.readLine();
        if (header == null) {
            throw new TraceFormatException(source, 0, null, "is empty; expected the header " + HEADER);
        }
        // A byte-order mark or a Windows line end is how spreadsheets save CSV, not a different header.
        header = stripLineEnd(header.startsWith("\uFEFF") ? header.substring(1) : header);
        if (!header.equals(HEADER)) {
            throw new TraceFormatException(source, 1, null, "the header must be exactly " + HEADER + ", got " + header);
        }
        List<TraceRow> rows = new ArrayList<>();
        int number = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            line = stripLineEnd(line);
            if (!line.isBlank()) {
                rows.add(row(line, new At(source, number)));
            }
        }
        return new Trace(source, rows);
    }

    /** Where a value is, for messages. */
    private record At(String source, int line) {

        TraceFormatException error(String column, String problem) {
            return new TraceFormatException(source, line, column, problem);
        }
    }

    private static TraceRow row(String line, At at) {
        String[] values = line.split(",", -1);
        if (values.length < COLUMNS.length) {
            throw at.error(COLUMNS[values.length], "missing: the line has " + values.length + " of the "
                    + COLUMNS.length + " columns " + HEADER);
        }
        if (values.length > COLUMNS.length) {
            throw at.error(null, values.length + " columns, expected the " + COLUMNS.length + " of " + HEADER
                    + " (values are not quoted, so none may contain a comma)");
        }
        return new TraceRow(
                id(values[0], at),
                timestamp(values[1], COLUMNS[1], false, at),
                timestamp(values[2], COLUMNS[2], true, at),
                text(values[3], COLUMNS[3], at),
                text(values[4], COLUMNS[4], at),
                text(values[5], COLUMNS[5], at),
                timestamp(values[6], COLUMNS[6], false, at));
    }

    private static long id(String value, At at) {
        try {
            long id = Long.parseLong(value.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Reported below with the value, like a negative one.
        }
        throw at.error(COLUMNS[0], "must be a whole number 0 or more, got \"" + value + "\"");
    }

    private static String text(String value, String column, At at) {
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw at.error(column, "is empty");
        }
        if (stripped.contains("\"")) {
            throw at.error(column, "quoted values are not supported, got " + stripped);
        }
        return stripped;
    }

    private static Instant timestamp(String value, String column, boolean required, At at) {
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            if (required) {
                throw at.error(column, "is empty");
            }
            return null;
        }
        try {
            TemporalAccessor parsed = TIMESTAMP.parseBest(stripped, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime withOffset
                    ? withOffset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw at.error(column, "not a timestamp like " + EXAMPLE + ", got \"" + value + "\"");
        }
    }

    private static String stripLineEnd(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
