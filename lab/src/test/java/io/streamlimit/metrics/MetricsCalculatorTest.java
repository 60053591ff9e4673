package io.streamlimit.metrics;

import static io.streamlimit.metrics.RunDataBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsCalculatorTest {

    private final MetricsCalculator calculator = new MetricsCalculator(data -> 0.0);

    @Test
    void max_concurrency_is_the_most_invocations_running_at_one_instant() {
        RunData data = run("r").totalEvents(0)
                .invoke("a", 0, 1_000)       // [0, 1000)
                .invoke("b", 500, 1_000)     // [500, 1500)
                .invoke("c", 900, 1_100)     // [900, 2000): a, b and c overlap in [900, 1000)
                .invoke("d", 1_500, 1_000)   // [1500, 2500): only c and d
                .invoke("e", 5_000, 100)
                .build();

        assertThat(calculator.compute(data).maxConcurrency()).isEqualTo(3);
    }

    @Test
    void an_invocation_ending_as_the_next_starts_does_not_overlap_it() {
        RunData data = run("r").invoke("a", 0, 1_000).invoke("b", 1_000, 1_000).invoke("c", 2_000, 1_000).build();

        assertThat(calculator.compute(data).maxConcurrency()).isEqualTo(1);
    }

    @Test
    void without_invoke_events_concurrency_comes_from_each_batch_first_start_to_last_completion() {
        RunData data = run("r")
                .row(0, 0, 100, 600, "b1")
                .row(1, 0, 100, 1_200, "b1")   // batch b1 busy [100, 1200)
                .row(2, 0, 1_000, 1_500, "b2") // batch b2 busy [1000, 1500): overlaps b1
                .row(3, 0, 1_500, 1_900, "b3") // starts as b2 ends
                .build();

        assertThat(calculator.compute(data).maxConcurrency()).isEqualTo(2);
    }

    @Test
    void inserts_per_second_count_rows_by_their_start_second_over_every_second_from_the_first_insert_to_the_last() {
        RunData data = run("r").limit(5)
                .row(0, 0, 100, 1_100, "a")
                .row(1, 0, 500, 1_500, "b")   // second 0: two inserts
                .row(2, 0, 2_200, 4_500, "c") // second 2: one insert; last completion in second 4
                .build();

        RunMetrics metrics = calculator.compute(data);

        // Seconds 0..2: [2, 0, 1]; seconds 3 and 4 only finish a call, no insert can fall in them
        assertThat(metrics.avgInsertsPerSecond()).isEqualTo(1.0);
        assertThat(metrics.maxInsertsPerSecond()).isEqualTo(2);
        assertThat(metrics.minInsertsPerSecond()).isZero();
    }

    @Test
    void seconds_over_the_limit_are_seconds_with_more_inserts_than_the_limit() {
        RunData data = run("r").limit(1)
                .row(0, 0, 100, 200, "a").row(1, 0, 900, 999, "b")                           // second 0: 2
                .row(2, 0, 1_500, 1_600, "c")                                                 // second 1: 1 (at the limit)
                .row(3, 0, 3_000, 3_100, "d").row(4, 0, 3_100, 3_200, "e").row(5, 0, 3_999, 4_000, "f") // second 3: 3
                .build();

        RunMetrics metrics = calculator.compute(data);

        assertThat(metrics.secondsOverLimit()).isEqualTo(2);
        assertThat(metrics.maxInsertsPerSecond()).isEqualTo(3);
        assertThat(metrics.avgInsertsPerSecond()).isEqualTo(1.5); // 6 inserts over seconds 0..3
    }

    @Test
    void a_run_paced_at_its_limit_has_a_minimum_at_the_limit_though_its_last_call_ends_a_second_later() {
        RunDataBuilder paced = run("r").limit(1);
        for (int i = 0; i < 20; i++) {
            paced.row(i, 0, 300 + i * 1_000L, 1_300 + i * 1_000L, "b" + i); // the last call ends in second 20
        }

        RunMetrics metrics = calculator.compute(paced.build());

        assertThat(metrics.minInsertsPerSecond()).isEqualTo(1);
        assertThat(metrics.avgInsertsPerSecond()).isEqualTo(1.0);
        assertThat(metrics.meanLimitUtilisation()).isEqualTo(1.0);
    }

    @Test
    void latency_is_publish_to_first_application_with_nearest_rank_quantiles() {
        RunDataBuilder waits = run("r").limit(0).totalEvents(101);
        for (int i = 0; i < 100; i++) {
            waits.row(i, 1_000, 1_000, 1_000 + (i + 1) * 10L, "b" + i); // waits of 10, 20, ..., 1,000 ms
        }
        waits.row(7, 1_000, 50_000, 60_000, "again"); // a duplicate applied later does not lengthen event 7's wait
        // event 100 never completed: no row, so no wait

        RunMetrics metrics = calculator.compute(waits.build());

        assertThat(metrics.latency()).isEqualTo(new Latency(500, 950, 990, 1_000));
        assertThat(Metric.LATENCY_P99.display(metrics)).isEqualTo("0.990 s");
    }

    @Test
    void backlog_is_the_most_events_waiting_in_each_second_from_the_first_one() {
        RunData data = run("r").limit(0)
                .row(0, 0, 100, 500, "a")         // waits in second 0
                .row(1, 0, 1_500, 2_500, "b")     // waits in seconds 0, 1 and 2
                .row(2, 1_200, 1_300, 1_400, "c") // waits in second 1
                .row(3, 3_000, 3_100, 4_000, "d") // waits in second 3; applied at 4 s, so second 4 has none
                .build();

        RunMetrics metrics = calculator.compute(data);

        assertThat(metrics.backlog().perSecond()).containsExactly(2, 2, 1, 1, 0);
        assertThat(metrics.backlog().max()).isEqualTo(2);
        assertThat(metrics.latency().maxMillis()).isEqualTo(2_500);
    }

    @Test
    void a_limit_of_zero_means_no_second_is_over_it() {
        RunData data = run("r").limit(0).row(0, 0, 100, 200, "a").row(1, 0, 100, 200, "b").build();

        assertThat(calculator.compute(data).secondsOverLimit()).isZero();
        assertThat(calculator.compute(data).meanLimitUtilisation()).isZero();
        assertThat(calculator.compute(data).peakLimitUtilisation()).isZero();
    }

    @Test
    void wasted_invocations_are_invokes_whose_batch_completed_no_event() {
        RunData data = run("r")
                .invoke("ok", 0, 1_000).row(0, 0, 100, 900, "ok")
                .invoke("failed", 1_000, 1_000)       // ran, but its downstream call was refused
                .invoke("timed-out", 2_000, 10_000)
                .invoke("ok-2", 3_000, 1_000).row(1, 0, 3_100, 3_900, "ok-2")
                .event(PipelineEventKind.THROTTLE, 500, 2L) // a throttle is not an invocation
                .build();

        assertThat(calculator.compute(data).wastedInvocations()).isEqualTo(2);
    }

    @Test
    void failed_events_are_those_dead_lettered_or_lost_and_never_completed() {
        RunData data = run("r").totalEvents(10)
                .row(0, 0, 100, 200, "a").row(0, 0, 5_000, 5_100, "a2") // a duplicate still counts once
                .row(1, 0, 1_100, 1_200, "b").row(2, 0, 2_100, 2_200, "c")
                .row(3, 0, 3_100, 3_200, "d").row(4, 0, 4_100, 4_200, "e").row(5, 0, 6_100, 6_200, "f")
                .event(PipelineEventKind.DLQ, 7_000, 6L)
                .event(PipelineEventKind.DLQ, 7_000, 7L)
                .event(PipelineEventKind.DLQ, 7_500, 7L) // dead-lettered twice: one event
                .event(PipelineEventKind.DLQ, 7_000, 0L) // a duplicate of a completed event
                .build();                                // 8 and 9: lost without trace

        RunMetrics metrics = calculator.compute(data);

        assertThat(metrics.totalEvents()).isEqualTo(10);
        assertThat(metrics.eventsCompleted()).isEqualTo(6);
        assertThat(metrics.eventsFailed()).isEqualTo(4);
    }

    @Test
    void time_taken_runs_from_the_first_publish_to_the_last_completion_to_the_millisecond() {
        RunData data = run("r").row(0, 250, 300, 900, "a").row(1, 260, 1_000, 12_595, "b").build();

        assertThat(calculator.compute(data).timeTakenSeconds()).isEqualTo(12.345);
    }

    @Test
    void delivered_share_is_completed_over_total_events_whatever_the_pace() {
        // 1,000 events, 140 completed, one a second at a limit of 1/s: the pace is perfect, 86 % were lost.
        RunDataBuilder lossy = run("r").limit(1).totalEvents(1_000);
        for (int i = 0; i < 140; i++) {
            lossy.row(i, 0, i * 1_000L, i * 1_000L + 999, "b" + i);
        }

        RunMetrics metrics = calculator.compute(lossy.build());

        assertThat(metrics.deliveredShare()).isEqualTo(0.14);
        assertThat(metrics.meanLimitUtilisation()).isEqualTo(1.0);
        assertThat(metrics.peakLimitUtilisation()).isEqualTo(1.0);
    }

    @Test
    void limit_utilisation_is_the_mean_and_the_peak_inserts_per_second_over_the_limit() {
        RunDataBuilder slow = run("r").limit(1);
        for (int i = 0; i < 10; i++) {
            slow.row(i, 0, i * 2_000L, i * 2_000L + 2_000, "b" + i); // one start every 2 s; last completion in second 20
        }

        RunMetrics metrics = calculator.compute(slow.build());

        assertThat(metrics.deliveredShare()).isEqualTo(1.0);
        assertThat(metrics.meanLimitUtilisation()).isEqualTo(0.526); // 10 inserts over seconds 0..18, at 1/s
        assertThat(metrics.peakLimitUtilisation()).isEqualTo(1.0);
    }

    @Test
    void a_run_that_broke_the_limit_shows_a_peak_utilisation_above_one() {
        RunDataBuilder fast = run("r").limit(1);
        for (int i = 0; i < 10; i++) {
            fast.row(i, 0, 100, 5_000, "b" + i); // 10 starts in second 0; the calls end in second 5
        }

        RunMetrics metrics = calculator.compute(fast.build());

        assertThat(metrics.deliveredShare()).isEqualTo(1.0);
        assertThat(metrics.meanLimitUtilisation()).isEqualTo(10.0); // 10 inserts in the one second with work, at 1/s
        assertThat(metrics.peakLimitUtilisation()).isEqualTo(10.0);
    }

    @Test
    void ratios_are_rounded_to_three_decimals() {
        RunData data = run("r").limit(3).totalEvents(7)
                .row(0, 0, 0, 1_000, "a").row(1, 0, 1_000, 2_000, "b")
                .row(2, 0, 2_000, 2_500, "c").row(3, 0, 5_000, 6_000, "d") // 4 of 7 events, inserts in seconds 0..5
                .build();

        RunMetrics metrics = calculator.compute(data);

        assertThat(metrics.deliveredShare()).isEqualTo(0.571);       // 4 / 7
        assertThat(metrics.meanLimitUtilisation()).isEqualTo(0.222); // 4 / 6 s / 3
        assertThat(metrics.peakLimitUtilisation()).isEqualTo(0.333); // 1 / 3
    }

    @Test
    void throttles_and_redeliveries_are_counted_from_pipeline_events() {
        RunData data = run("r").row(0, 0, 100, 200, "a")
                .event(PipelineEventKind.THROTTLE, 10, 0L).event(PipelineEventKind.THROTTLE, 20, 0L)
                .event(PipelineEventKind.THROTTLE, 30, 1L)
                .event(PipelineEventKind.REDELIVERY, 40, 0L)
                .event(PipelineEventKind.COLD_START, 50, null)
                .build();

        RunMetrics metrics = calculator.compute(data);

        assertThat(metrics.throttles()).isEqualTo(3);
        assertThat(metrics.redeliveries()).isEqualTo(1);
    }

    @Test
    void a_run_where_nothing_completed_has_zero_rates_and_every_event_failed() {
        RunData data = run("r").totalEvents(5)
                .invoke("a", 0, 1_000)
                .event(PipelineEventKind.DLQ, 2_000, 0L)
                .build();

        RunMetrics metrics = calculator.compute(data);

        assertThat(metrics.eventsCompleted()).isZero();
        assertThat(metrics.eventsFailed()).isEqualTo(5);
        assertThat(metrics.timeTakenSeconds()).isZero();
        assertThat(metrics.avgInsertsPerSecond()).isZero();
        assertThat(metrics.maxInsertsPerSecond()).isZero();
        assertThat(metrics.deliveredShare()).isZero();
        assertThat(metrics.meanLimitUtilisation()).isZero();
        assertThat(metrics.peakLimitUtilisation()).isZero();
        assertThat(metrics.wastedInvocations()).isEqualTo(1);
    }

    @Test
    void metrics_carry_the_run_identity_and_the_estimated_cost() {
        RunData data = run("run-7").scenario("04-sqs-rc1-high-visibility").mode("local")
                .row(0, 0, 100, 200, "a").build();

        RunMetrics metrics = new MetricsCalculator(d -> 0.12345678).compute(data);

        assertThat(metrics.runId()).isEqualTo("run-7");
        assertThat(metrics.scenario()).isEqualTo("04-sqs-rc1-high-visibility");
        assertThat(metrics.mode()).isEqualTo("local");
        assertThat(metrics.costUsd()).isEqualTo(0.123457);
    }

    @Test
    void metrics_do_not_depend_on_the_order_of_rows_and_events() {
        RunDataBuilder builder = run("r").limit(2).totalEvents(300);
        Random random = new Random(42);
        for (int i = 0; i < 250; i++) {
            long start = random.nextInt(60_000);
            builder.invoke("b" + i, start, 1 + random.nextInt(3_000));
            builder.row(i, 0, start + 10, start + 900, "b" + i);
            if (i % 7 == 0) {
                builder.event(PipelineEventKind.THROTTLE, start, (long) i);
            }
        }
        RunData ordered = builder.build();
        List<InvocationRow> rows = new ArrayList<>(ordered.invocations());
        List<io.streamlimit.results.PipelineEvent> events = new ArrayList<>(ordered.pipelineEvents());
        Collections.shuffle(rows, new Random(1));
        Collections.shuffle(events, new Random(2));

        RunMetrics shuffled = calculator.compute(new RunData(ordered.run(), rows, events));

        assertThat(shuffled).isEqualTo(calculator.compute(ordered));
    }
}
