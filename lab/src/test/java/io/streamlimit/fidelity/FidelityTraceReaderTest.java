package io.streamlimit.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace reader: exact columns, UTC timestamps, and one line naming the line and column of bad input. */
class FidelityTraceReaderTest {

    private static final String HEADER = "id,sent_at,started_at,group_id,batch_id,cache_id,created_at\n";
    private static final String GOOD = "3,2020-06-07 16:17:43.842000,2020-06-07 16:24:06.165000,consumer-2,zaZX-ChYI,SG0CVbLqA,2020-06-07 16:24:06.279165\n";

    @TempDir
    Path dir;

    private static Trace read(String text) {
        return TraceReader.read(new StringReader(text), "t.csv");
    }

    @Test
    void reads_a_row_with_utc_timestamps() {
        TraceRow row = read(HEADER + GOOD).rows().get(0);

        assertThat(row).isEqualTo(new TraceRow(3, Instant.parse("2020-06-07T16:17:43.842Z"),
                Instant.parse("2020-06-07T16:24:06.165Z"), "consumer-2", "zaZX-ChYI", "SG0CVbLqA",
                Instant.parse("2020-06-07T16:24:06.279165Z")));
    }

    @Test
    void accepts_offsets_a_byte_order_mark_windows_line_ends_and_empty_optional_columns() {
        Trace trace = read("\uFEFF" + HEADER.replace("\n", "\r\n")
                + "1,,2020-06-07 18:24:06.5+02,g,b,c,\r\n"
                + "2,2020-06-07 16:00:00,2020-06-07 16:24:07Z,g,b2,c,2020-06-07 16:24:07.1+00:00\r\n\r\n");

        assertThat(trace.rows()).hasSize(2);
        assertThat(trace.rows().get(0).startedAt()).isEqualTo(Instant.parse("2020-06-07T16:24:06.500Z"));
        assertThat(trace.rows().get(0).sentAt()).isNull();
        assertThat(trace.rows().get(0).createdAt()).isNull();
        assertThat(trace.rows().get(1).createdAt()).isEqualTo(Instant.parse("2020-06-07T16:24:07.100Z"));
    }

    @Test
    void a_wrong_header_names_line_1() {
        assertThatThrownBy(() -> read("id,started_at,group_id\n" + GOOD))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage("t.csv: line 1: the header must be exactly " + HEADER.strip() + ", got id,started_at,group_id");
    }

    @Test
    void a_bad_timestamp_names_its_line_and_column() {
        assertThatThrownBy(() -> read(HEADER + GOOD + GOOD.replace("2020-06-07 16:24:06.165000", "noon")))
                .isInstanceOf(TraceFormatException.class)
                .hasMessage("t.csv: line 3, column started_at: not a timestamp like 2020-06-07 16:24:06.165000, got \"noon\"")
                .satisfies(e -> {
                    TraceFormatException error = (TraceFormatException) e;
                    assertThat(error.line()).isEqualTo(3);
                    assertThat(error.column()).isEqualTo("started_at");
                });
    }

    @Test
    void an_impossible_date_is_not_a_timestamp() {
        assertThatThrownBy(() -> read(HEADER + GOOD.replace("2020-06-07 16:24:06.279165", "2020-02-30 10:00:00")))
                .hasMessageStartingWith("t.csv: line 2, column created_at: not a timestamp");
    }

    @Test
    void a_bad_id_names_the_id_column() {
        assertThatThrownBy(() -> read(HEADER + "-1" + GOOD.substring(1)))
                .hasMessage("t.csv: line 2, column id: must be a whole number 0 or more, got \"-1\"");
        assertThatThrownBy(() -> read(HEADER + "x" + GOOD.substring(1)))
                .hasMessage("t.csv: line 2, column id: must be a whole number 0 or more, got \"x\"");
    }

    @Test
    void a_missing_column_is_named() {
        String noCreatedAt = GOOD.substring(0, GOOD.lastIndexOf(',')) + "\n";

        assertThatThrownBy(() -> read(HEADER + noCreatedAt))
                .hasMessageStartingWith("t.csv: line 2, column created_at: missing: the line has 6 of the 7 columns");
    }

    @Test
    void an_extra_column_names_the_line() {
        assertThatThrownBy(() -> read(HEADER + GOOD.strip() + ",extra\n"))
                .hasMessageStartingWith("t.csv: line 2: 8 columns, expected the 7 of");
    }

    @Test
    void an_empty_required_value_is_named() {
        assertThatThrownBy(() -> read(HEADER + GOOD.replace("SG0CVbLqA", "")))
                .hasMessage("t.csv: line 2, column cache_id: is empty");
        assertThatThrownBy(() -> read(HEADER + GOOD.replace("2020-06-07 16:24:06.165000", " ")))
                .hasMessage("t.csv: line 2, column started_at: is empty");
    }

    @Test
    void an_empty_or_missing_file_is_one_line() {
        assertThatThrownBy(() -> read("")).hasMessageStartingWith("t.csv: is empty");
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> TraceReader.read(missing)).hasMessage(missing + ": no such file");
    }

    @Test
    void reads_a_file() throws Exception {
        Path file = dir.resolve("trace.csv");
        Files.writeString(file, HEADER + GOOD);

        assertThat(TraceReader.read(file).rows()).hasSize(1);
        assertThat(TraceReader.read(file).source()).isEqualTo(file.toString());
    }

    @Test
    void an_unknown_group_lists_the_groups() {
        assertThatThrownBy(() -> read(HEADER + GOOD).group("consumer-9"))
                .hasMessage("t.csv: no rows for group_id consumer-9 (the trace has consumer-2)");
    }
}
