package io.streamlimit.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.fidelity.Trace;
import io.streamlimit.fidelity.TraceReader;
import io.streamlimit.fidelity.TraceRow;
import io.streamlimit.results.InvocationRow;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real run's rows: written and read as a trace, one group chosen, their target figures. */
class CalibrationInputTest {

    private static final Instant T0 = Instant.parse("2020-06-07T16:24:06.165Z");

    /** Events 0..n-1 started a second apart, one environment. */
    private static List<InvocationRow> rows(String group, int n) {
        List<InvocationRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new InvocationRow("r", i, T0.minusSeconds(60), T0.plusSeconds(i), T0.plusSeconds(i).plusMillis(1_001),
                    group, "b" + i, "env-1"));
        }
        return rows;
    }

    private static Trace trace(List<InvocationRow> rows) {
        return TraceReader.read(new StringReader(TraceWriter.csv(rows)), "t.csv");
    }

    @Test
    void rows_written_as_a_trace_read_back_as_the_same_rows() {
        Trace trace = trace(rows("consumer-2", 2));

        assertThat(TraceWriter.csv(rows("g", 1)))
                .isEqualTo(TraceReader.HEADER + "\n0,2020-06-07 16:23:06.165000,2020-06-07 16:24:06.165000,g,b0,env-1,"
                        + "2020-06-07 16:24:07.166000\n");
        assertThat(trace.rows()).containsExactly(
                new TraceRow(0, T0.minusSeconds(60), T0, "consumer-2", "b0", "env-1", T0.plusMillis(1_001)),
                new TraceRow(1, T0.minusSeconds(60), T0.plusSeconds(1), "consumer-2", "b1", "env-1", T0.plusMillis(2_001)));
    }

    @Test
    void a_value_with_a_comma_cannot_be_written() {
        List<InvocationRow> rows = List.of(new InvocationRow("r", 1, null, T0, null, "a,b", "b", "c"));

        assertThatThrownBy(() -> TraceWriter.csv(rows)).hasMessageContaining("a,b");
    }

    @Test
    void the_group_must_be_named_when_there_are_several_and_must_exist() {
        List<InvocationRow> both = new ArrayList<>(rows("consumer-1", 3));
        both.addAll(rows("consumer-2", 3));
        Trace trace = trace(both);

        assertThat(ObservedRun.fromTrace(trace(rows("only", 3)), null).groupId()).isEqualTo("only");
        assertThat(ObservedRun.fromTrace(trace, "consumer-2").rows()).hasSize(3);
        assertThatThrownBy(() -> ObservedRun.fromTrace(trace, null))
                .hasMessage("--group: t.csv has several groups (consumer-1, consumer-2); name one with --group");
        assertThatThrownBy(() -> ObservedRun.fromTrace(trace, "consumer-9"))
                .hasMessage("--group: t.csv has no rows for group consumer-9; its groups: consumer-1, consumer-2");
    }

    @Test
    void the_rows_must_fit_the_scenario() {
        ObservedRun run = ObservedRun.fromTrace(trace(rows("g", 10)), null);

        assertThatThrownBy(() -> run.targetValues(5))
                .hasMessage("t.csv, group g: 10 distinct event ids, more than the scenario publishes"
                        + " (events.total 5); the scenario must describe this run");
        assertThatThrownBy(() -> ObservedRun.fromTrace(trace(rows("g", 1)), null).targetValues(1))
                .hasMessage("t.csv, group g: 1 row(s); a calibration needs at least 2 starts");
    }

    @Test
    void the_share_curve_is_read_as_the_times_by_which_shares_of_the_published_events_had_started() {
        TargetValues all = ObservedRun.fromTrace(trace(rows("g", 10)), null).targetValues(10);
        TargetValues half = ObservedRun.fromTrace(trace(rows("g", 10)), null).targetValues(20);

        assertThat(all.value(Target.FIRST_TO_LAST_START)).isEqualTo(9.0);
        assertThat(all.value(Target.START_GAP_P50)).isEqualTo(1.0);
        assertThat(all.value(Target.FAILED)).isEqualTo(0.0);
        assertThat(all.value(Target.STARTED_25_PERCENT)).isEqualTo(2.0); // the 3rd of 10 events
        assertThat(all.value(Target.STARTED_50_PERCENT)).isEqualTo(4.0);
        assertThat(all.value(Target.STARTED_75_PERCENT)).isEqualTo(7.0);
        assertThat(all.value(Target.STARTED_90_PERCENT)).isEqualTo(8.0);
        assertThat(half.value(Target.FAILED)).isEqualTo(10.0);
        assertThat(half.value(Target.STARTED_50_PERCENT)).isEqualTo(9.0);
        assertThat(half.has(Target.STARTED_75_PERCENT)).isFalse();
    }
}
