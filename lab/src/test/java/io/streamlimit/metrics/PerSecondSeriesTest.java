package io.streamlimit.metrics;

import static io.streamlimit.metrics.RunDataBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PerSecondSeriesTest {

    @Test
    void series_covers_every_second_from_the_first_to_the_last_thing_that_happened() {
        RunData data = run("r")
                .row(0, 0, 1_200, 2_000, "a")
                .event(PipelineEventKind.DLQ, 4_500, 1L)
                .build();

        PerSecondSeries series = PerSecondSeries.of(data);

        assertThat(series.start()).isEqualTo(RunDataBuilder.T0);
        assertThat(series.length()).isEqualTo(5);
        assertThat(series.inserts()).containsExactly(0, 1, 0, 0, 0);
        assertThat(series.dlqArrivals()).containsExactly(0, 0, 0, 0, 1);
    }

    @Test
    void throttles_dlq_arrivals_and_redeliveries_are_counted_in_the_second_they_happened() {
        RunData data = run("r")
                .event(PipelineEventKind.THROTTLE, 100, 0L).event(PipelineEventKind.THROTTLE, 900, 0L)
                .event(PipelineEventKind.REDELIVERY, 1_000, 0L)
                .event(PipelineEventKind.DLQ, 2_999, 0L)
                .build();

        PerSecondSeries series = PerSecondSeries.of(data);

        assertThat(series.throttles()).containsExactly(2, 0, 0);
        assertThat(series.redeliveries()).containsExactly(0, 1, 0);
        assertThat(series.dlqArrivals()).containsExactly(0, 0, 1);
    }

    @Test
    void busy_instances_are_the_peak_number_running_at_once_within_each_second() {
        RunData data = run("r")
                .invoke("a", 500, 1_000)   // [500, 1500)
                .invoke("b", 1_400, 1_000) // [1400, 2400): two at once in second 1 only
                .invoke("c", 3_000, 1_000) // [3000, 4000): the end instant is not busy
                .build();

        assertThat(PerSecondSeries.of(data).busyInstances()).containsExactly(1, 2, 1, 1);
    }

    @Test
    void one_instance_running_back_to_back_invocations_is_one_busy_instance_every_second() {
        RunDataBuilder builder = run("r");
        for (int i = 0; i < 10; i++) {
            builder.invoke("b" + i, 300 + i * 1_000L, 1_000); // each spans two seconds, never overlapping
        }

        assertThat(PerSecondSeries.of(builder.build()).busyInstances()).containsOnly(1);
    }

    @Test
    void the_peak_of_busy_instances_is_the_run_max_concurrency() {
        RunDataBuilder builder = run("r");
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            builder.invoke("b" + i, random.nextInt(100_000), 1 + random.nextInt(5_000));
        }
        RunData data = builder.build();

        long peak = Arrays.stream(PerSecondSeries.of(data).busyInstances()).max().orElseThrow();

        assertThat(peak).isEqualTo(new MetricsCalculator(d -> 0).compute(data).maxConcurrency());
    }

    @Test
    void an_empty_run_has_an_empty_series() {
        PerSecondSeries series = PerSecondSeries.of(run("r").build());

        assertThat(series.length()).isZero();
        assertThat(series.inserts()).isEmpty();
    }
}
