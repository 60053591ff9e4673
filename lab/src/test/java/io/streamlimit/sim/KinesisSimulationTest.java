package io.streamlimit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;
import io.streamlimit.scenario.ArrivalPattern;
import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.Scenario;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The api-kinesis-lambda pipeline in the simulator, driven by the Kinesis rules. */
class KinesisSimulationTest {

    private static SimulationResult run(String file, long seed) {
        return Simulator.run(Scenarios.load(file), SimulationOptions.seed(seed));
    }

    @Test
    void the_stream_shape_bounds_the_consumer_so_a_50_per_second_downstream_sees_no_throttle() {
        SimulationResult result = run("kinesis-50-per-second.yaml", 1);
        SimulationStats stats = result.stats();
        RunMetrics metrics = new MetricsCalculator().compute(result.runData());

        assertThat(stats.completed()).isEqualTo(1_000);
        assertThat(stats.failed()).isZero();
        assertThat(stats.throttles()).isZero();
        assertThat(stats.secondsOverLimit()).isZero();
        assertThat(stats.maxConcurrency()).isEqualTo(6);              // 2 shards x parallelization factor 3
        assertThat(metrics.maxInsertsPerSecond()).isLessThanOrEqualTo(48); // 6 batches of at most 8
        assertThat(stats.duplicates()).isZero();
        Map<String, Long> counts = result.runData().run().requestCounts();
        assertThat(counts).containsEntry("kinesisShards", 2L).containsEntry("kinesisPayloadUnits", 1_000L)
                .containsEntry("snsPublishes", 0L);
    }

    @Test
    void each_viewers_events_are_applied_in_publish_order() {
        // One publish at a time, so each event reaches the stream in publish order (with 20 in flight,
        // a viewer's later event may arrive first, and Kinesis orders by arrival).
        Scenario one = Scenarios.load("kinesis-50-per-second.yaml");
        Scenario serial = new Scenario("serial", "", new EventsSpec(1_000, ArrivalPattern.BURST, 200, null, null, null, 1),
                one.pipeline(), null, one.consumer(), one.downstream(), null, one.stream());
        RunData data = Simulator.run(serial, SimulationOptions.seed(2)).runData();
        Map<Integer, java.util.TreeMap<Long, Long>> startsByUser = new HashMap<>();
        for (InvocationRow row : data.invocations()) {
            int user = (int) (row.id() / 3 % 200); // the uid the stream puts as partition key: viewer-(group mod users)
            startsByUser.computeIfAbsent(user, u -> new java.util.TreeMap<>()).put(row.id(), row.startedAt().toEpochMilli());
        }
        assertThat(startsByUser).hasSize(200);
        startsByUser.forEach((user, starts) -> assertThat(new java.util.ArrayList<>(starts.values()))
                .as("viewer-%d's invocation starts, in publish order", user).isSorted());
    }

    @Test
    void a_failing_consumer_blocks_its_shard_with_retries_and_gives_records_to_the_on_failure_destination() {
        SimulationResult result = run("kinesis-blocked-shard.yaml", 1);
        RunData data = result.runData();
        SimulationStats stats = result.stats();

        long shardRetries = data.pipelineCounts().total(PipelineEventKind.SHARD_RETRY);
        long onFailure = data.pipelineEvents().stream().filter(e -> e.kind() == PipelineEventKind.DLQ).count();
        long maxIteratorAge = data.pipelineEvents().isEmpty() ? 0 : maxIteratorAge(data);
        assertThat(shardRetries).isGreaterThan(50);
        assertThat(onFailure).isEqualTo(stats.failed()).isBetween(1L, 200L);
        // One SQS message per discarded batch, with the batch's metadata.
        assertThat(data.run().requestCounts().get("sqsSends")).isBetween(1L, onFailure);
        // Retried batches re-apply the records that had succeeded: Kinesis delivers at least once.
        assertThat(stats.duplicates()).isPositive();
        // Blocked, the shard's oldest record ages up to the maximum record age (60 s), and at most a
        // poll interval (1 s) and a sample (1 s) more before it is given up.
        assertThat(maxIteratorAge).isBetween(30_000L, 62_000L);
        assertThat(stats.completed() + stats.unfinished()).isLessThanOrEqualTo(1_000);
        assertThat(stats.unfinished()).isZero();
        RunMetrics metrics = new MetricsCalculator().compute(data);
        assertThat(metrics.shardRetries()).isEqualTo(shardRetries);
        assertThat(metrics.onFailureRecords()).isEqualTo(onFailure);
        assertThat(metrics.maxIteratorAgeSeconds()).isEqualTo(maxIteratorAge / 1000.0);
        assertThat(metrics.standingUsdPerDay()).isEqualTo(0.72); // 2 shards x 24 h x $0.015
    }

    private static long maxIteratorAge(RunData data) {
        long[] max = {0};
        data.pipelineCounts().forEach((kind, second, count) -> {
            if (kind == PipelineEventKind.ITERATOR_AGE) {
                max[0] = Math.max(max[0], count);
            }
        });
        return max[0];
    }

    @Test
    void the_report_draws_the_iterator_age_and_the_shard_retries_of_a_kinesis_run_only() {
        String kinesis = new io.streamlimit.report.HtmlReport().render(run("kinesis-blocked-shard.yaml", 1).runData());
        String queued = new io.streamlimit.report.HtmlReport().render(
                Simulator.run(Scenarios.load("recommended.yaml"), SimulationOptions.seed(1)).runData());

        assertThat(kinesis).contains("chart-iterator-age", "Iterator age", "chart-shard-retries");
        assertThat(queued).doesNotContain("chart-iterator-age").doesNotContain("chart-shard-retries");
    }

    @Test
    void the_same_seed_gives_the_same_run() {
        Scenario scenario = Scenarios.load("kinesis-blocked-shard.yaml");
        RunData first = Simulator.run(scenario, SimulationOptions.seed(3)).runData();
        RunData second = Simulator.run(scenario, SimulationOptions.seed(3)).runData();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void a_burst_beyond_a_shards_write_limit_is_throttled_and_retried_by_the_producer() {
        Scenario one = Scenarios.load("kinesis-50-per-second.yaml");
        Scenario crowded = new Scenario("crowded", "", new EventsSpec(5_000, ArrivalPattern.BURST, 200, null, null,
                null, 200), one.pipeline(), null, one.consumer(), one.downstream(), null, one.stream().withShards(1));
        SimulationResult result = Simulator.run(crowded, SimulationOptions.seed(1));

        long putThrottles = result.runData().pipelineCounts().total(PipelineEventKind.PUT_THROTTLE);
        assertThat(putThrottles).isPositive();
        assertThat(result.runData().run().requestCounts().get("kinesisPuts")).isEqualTo(5_000 + putThrottles);
        assertThat(result.stats().completed()).isEqualTo(5_000);
    }
}
