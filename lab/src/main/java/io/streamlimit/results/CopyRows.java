package io.streamlimit.results;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes a run's rows with PostgreSQL's COPY in its binary format, streamed in chunks: many times
 * faster than batched inserts, and the server need not parse text timestamps, which matters for
 * a run of a million events. Each table's rows are formatted by one small {@link Format}; the
 * column types must be the schema's (text, integer, bigint, timestamptz).
 */
final class CopyRows {

    /** Rows formatted per chunk sent to the server. */
    static final int CHUNK_ROWS = 20_000;

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};
    /** PostgreSQL's timestamps count microseconds from 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    /** Appends one row's columns, in the order of the column list. */
    interface Format<T> {
        void append(Line line, T row);
    }

    private final SaveProgress progress;
    private final long total;
    private final AtomicLong saved = new AtomicLong();

    /** One save's progress, shared by the tables it copies (possibly at once, on several connections). */
    CopyRows(SaveProgress progress, long total) {
        this.progress = progress;
        this.total = total;
    }

    <T> void copy(Connection connection, String table, List<String> columns, Iterable<T> rows, Format<T> format)
            throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + String.join(", ", columns) + ") from stdin with (format binary)");
        try {
            Line line = new Line();
            line.bytes(HEADER);
            int inChunk = 0;
            for (T row : rows) {
                line.int16(columns.size());
                format.append(line, row);
                if (++inChunk == CHUNK_ROWS) {
                    send(copy, line, inChunk);
                    inChunk = 0;
                }
            }
            line.int16(-1);
            send(copy, line, inChunk);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private void send(CopyIn copy, Line line, int rows) throws SQLException {
        copy.writeToCopy(line.buffer, 0, line.size);
        line.size = 0;
        if (rows > 0) {
            progress.saved(saved.addAndGet(rows), total);
        }
    }

    /** One row's fields in COPY's binary format: each a length (-1 for null) and its bytes, big-endian. */
    static final class Line {
        private byte[] buffer = new byte[1 << 20];
        private int size;

        private void ensure(int more) {
            if (size + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
            }
        }

        private void bytes(byte[] value) {
            ensure(value.length);
            System.arraycopy(value, 0, buffer, size, value.length);
            size += value.length;
        }

        private void int16(int value) {
            ensure(2);
            buffer[size++] = (byte) (value >>> 8);
            buffer[size++] = (byte) value;
        }

        private void int32(int value) {
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        private void int64(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >>> shift);
            }
        }

        private Line nul() {
            int32(-1);
            return this;
        }

        /** A {@code text} column, UTF-8. */
        Line text(String value) {
            if (value == null) {
                return nul();
            }
            boolean ascii = true;
            for (int i = 0; i < value.length() && ascii; i++) {
                ascii = value.charAt(i) < 0x80;
            }
            if (!ascii) {
                byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                int32(utf8.length);
                bytes(utf8);
                return this;
            }
            int32(value.length());
            ensure(value.length());
            for (int i = 0; i < value.length(); i++) {
                buffer[size++] = (byte) value.charAt(i);
            }
            return this;
        }

        /** An {@code integer} column. */
        Line integer(int value) {
            int32(4);
            int32(value);
            return this;
        }

        /** A {@code bigint} column. */
        Line number(long value) {
            int32(8);
            int64(value);
            return this;
        }

        /** A {@code bigint} column, or null. */
        Line number(Long value) {
            return value == null ? nul() : number(value.longValue());
        }

        /** A {@code timestamptz} column, to the microsecond (finer digits are dropped). */
        Line instant(Instant value) {
            if (value == null) {
                return nul();
            }
            int32(8);
            int64((value.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + value.getNano() / 1_000);
            return this;
        }
    }
}
