package io.streamlimit.calibration;

import io.streamlimit.fidelity.TraceReader;
import io.streamlimit.results.InvocationRow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes rows as a trace file, the CSV {@link TraceReader} reads: the header
 * {@value TraceReader#HEADER}, then one line per row, timestamps in UTC with microseconds
 * ({@code 2020-06-07 16:24:06.165000}). {@code created_at} carries the completion (a simulated or
 * local run has no other insert time); an absent time is an empty value.
 */
public final class TraceWriter {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private TraceWriter() {
    }

    public static String csv(List<InvocationRow> rows) {
        StringBuilder out = new StringBuilder(TraceReader.HEADER).append('\n');
        for (InvocationRow row : rows) {
            out.append(row.id()).append(',')
                    .append(time(row.sentAt())).append(',')
                    .append(time(row.startedAt())).append(',')
                    .append(text(row.groupId())).append(',')
                    .append(text(row.batchId())).append(',')
                    .append(text(row.cacheId())).append(',')
                    .append(time(row.completedAt())).append('\n');
        }
        return out.toString();
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIMESTAMP.format(instant);
    }

    private static String text(String value) {
        if (value != null && (value.contains(",") || value.contains("\n"))) {
            // The format has no quoting: such a value would shift every column after it.
            throw new IllegalArgumentException("a trace value may not contain a comma or a line break, got \"" + value + "\"");
        }
        return value == null ? "" : value;
    }
}
