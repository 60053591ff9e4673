package io.streamlimit.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.RunData;
import io.streamlimit.results.RunRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The figures of the 2020-06-07 trace reproduce the calibration README's table exactly. */
class FidelityTraceFiguresTest {

    private static Trace trace;

    @BeforeAll
    static void readTrace() {
        trace = FidelityCases.trace();
    }

    @Test
    void the_trace_has_three_consumers_of_1000_events() {
        assertThat(trace.rows()).hasSize(3_000);
        assertThat(trace.groupIds()).containsExactly("consumer-1", "consumer-2", "consumer-3");
        for (String group : trace.groupIds()) {
            assertThat(trace.group(group)).hasSize(1_000);
        }
    }

    @Test
    void consumer_1_unthrottled_sns_to_lambda() {
        RunFigures figures = FidelityCases.traceFigures(trace, "consumer-1");

        assertThat(figures.value(Figure.FIRST_TO_LAST_START)).isEqualTo(115.525);
        assertThat(FidelityFormat.fixed(figures.value(Figure.FIRST_TO_LAST_START), 1)).isEqualTo("115.5");
        assertThat(figures.value(Figure.ENVIRONMENTS)).isEqualTo(37.0);
        assertThat(figures.value(Figure.START_GAP_P10)).isEqualTo(0.001);
        assertThat(figures.value(Figure.START_GAP_P50)).isEqualTo(0.009);
        assertThat(figures.value(Figure.START_GAP_P90)).isEqualTo(0.267);
        assertThat(figures.value(Figure.BUSIEST_SECOND)).isEqualTo(30.0);
        assertThat(figures.value(Figure.COMPLETED)).isEqualTo(1_000.0);
        assertThat(figures.value(Figure.FAILED)).isEqualTo(0.0);
    }

    @Test
    void consumer_2_reserved_concurrency_1_behind_sqs() {
        RunFigures figures = FidelityCases.traceFigures(trace, "consumer-2");

        assertThat(figures.value(Figure.FIRST_TO_LAST_START)).isEqualTo(1_518.472);
        assertThat(FidelityFormat.fixed(figures.value(Figure.FIRST_TO_LAST_START), 1)).isEqualTo("1518.5");
        assertThat(figures.value(Figure.ENVIRONMENTS)).isEqualTo(1.0);
        assertThat(figures.value(Figure.START_GAP_P10)).isEqualTo(1.045);
        assertThat(figures.value(Figure.START_GAP_P50)).isEqualTo(1.306);
        assertThat(figures.value(Figure.START_GAP_P90)).isEqualTo(2.038);
        assertThat(figures.value(Figure.BUSIEST_SECOND)).isEqualTo(1.0);
        assertThat(figures.value(Figure.FAILED)).isEqualTo(0.0);
        // Throttled to about one start every 1.4 s, it had started 214 events 300 s in.
        assertThat(figures.value(Figure.COMPLETED_SHARE_AT_300S)).isEqualTo(0.214);
        assertThat(figures.value(Figure.COMPLETED_SHARE_AT_1200S)).isEqualTo(0.857);
    }

    @Test
    void consumer_3_unreserved_behind_sqs() {
        RunFigures figures = FidelityCases.traceFigures(trace, "consumer-3");

        assertThat(figures.value(Figure.FIRST_TO_LAST_START)).isEqualTo(133.522);
        assertThat(FidelityFormat.fixed(figures.value(Figure.FIRST_TO_LAST_START), 1)).isEqualTo("133.5");
        assertThat(figures.value(Figure.ENVIRONMENTS)).isEqualTo(29.0);
        assertThat(figures.value(Figure.START_GAP_P10)).isEqualTo(0.006);
        assertThat(figures.value(Figure.START_GAP_P50)).isEqualTo(0.043);
        assertThat(figures.value(Figure.START_GAP_P90)).isEqualTo(0.192);
        assertThat(figures.value(Figure.BUSIEST_SECOND)).isEqualTo(25.0);
    }

    @Test
    void a_trace_has_no_time_taken_because_its_publish_times_are_stale() {
        assertThat(FidelityCases.traceFigures(trace, "consumer-1").has(Figure.TIME_TAKEN)).isFalse();
    }

    @Test
    void the_busiest_second_counts_starts_per_whole_second_from_the_first() {
        // seconds from the first start (100): [100, 1100) has 3, [1100, 2100) has 1, [2100, 3100) has 4
        long[] starts = {100, 200, 1099, 1100, 2100, 2500, 2600, 3099, 9000};

        assertThat(FigureCalculator.busiestSecond(starts)).isEqualTo(4);
        assertThat(FigureCalculator.busiestSecond(new long[] {5})).isEqualTo(1);
    }

    @Test
    void nearest_rank_quantiles_take_the_value_at_rank_ceil_q_n() {
        long[] sorted = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};

        assertThat(FigureCalculator.nearestRank(sorted, 10)).isEqualTo(10);
        assertThat(FigureCalculator.nearestRank(sorted, 11)).isEqualTo(20);
        assertThat(FigureCalculator.nearestRank(sorted, 50)).isEqualTo(50);
        assertThat(FigureCalculator.nearestRank(sorted, 90)).isEqualTo(90);
        assertThat(FigureCalculator.nearestRank(sorted, 100)).isEqualTo(100);
        assertThat(FigureCalculator.nearestRank(sorted, 0)).isEqualTo(10);
    }

    @Test
    void a_run_counts_time_from_its_first_publish_and_failed_events_from_its_total() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        RunRecord run = new RunRecord("r", "s", "simulate", "{}", start, start.plusSeconds(700), 4, 1, 512, Map.of());
        List<InvocationRow> rows = List.of(
                row(0, start, 10_000, 11_000, "a"),
                row(1, start, 12_000, 13_000, "a"),
                row(1, start, 15_000, 16_000, "b"),   // a duplicate: one event, two rows
                row(2, start, 400_000, 401_500, "b"));

        RunFigures figures = FigureCalculator.ofRun(new RunData(run, rows, List.of()));

        assertThat(figures.value(Figure.TIME_TAKEN)).isEqualTo(401.5);
        assertThat(figures.value(Figure.FIRST_TO_LAST_START)).isEqualTo(390.0);
        assertThat(figures.value(Figure.COMPLETED)).isEqualTo(3.0);
        assertThat(figures.value(Figure.FAILED)).isEqualTo(1.0);
        assertThat(figures.value(Figure.ENVIRONMENTS)).isEqualTo(2.0);
        // Shares count events at their first start, over the 4 published: 2 by 300 s, 3 by 600 s.
        assertThat(figures.value(Figure.COMPLETED_SHARE_AT_300S)).isEqualTo(0.5);
        assertThat(figures.value(Figure.COMPLETED_SHARE_AT_600S)).isEqualTo(0.75);
        // Gaps 2, 3 and 385 s.
        assertThat(figures.value(Figure.START_GAP_P10)).isEqualTo(2.0);
        assertThat(figures.value(Figure.START_GAP_P50)).isEqualTo(3.0);
        assertThat(figures.value(Figure.START_GAP_P90)).isEqualTo(385.0);
    }

    @Test
    void a_run_without_rows_has_every_event_failed_and_no_times() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        RunRecord run = new RunRecord("r", "s", "simulate", "{}", start, start, 5, 1, 512, Map.of());

        RunFigures figures = FigureCalculator.ofRun(new RunData(run, List.of(), List.of()));

        assertThat(figures.value(Figure.FAILED)).isEqualTo(5.0);
        assertThat(figures.value(Figure.COMPLETED)).isEqualTo(0.0);
        assertThat(figures.has(Figure.TIME_TAKEN)).isFalse();
        assertThat(figures.has(Figure.START_GAP_P50)).isFalse();
    }

    private static InvocationRow row(long id, Instant start, long startedMillis, long completedMillis, String cache) {
        return new InvocationRow("r", id, start, start.plusMillis(startedMillis), start.plusMillis(completedMillis),
                "g", "batch-" + id + "-" + startedMillis, cache);
    }
}
