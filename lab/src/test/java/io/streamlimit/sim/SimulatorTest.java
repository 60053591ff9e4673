package io.streamlimit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.PipelineEvent;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;
import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.DownstreamSpec;
import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.QueueSpec;
import io.streamlimit.scenario.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private static Scenario queued(int events, QueueSpec queue, ConsumerSpec consumer, DownstreamSpec downstream) {
        return new Scenario("t", "", EventsSpec.burst(events), Pipeline.SNS_SQS_LAMBDA, queue, consumer, downstream);
    }

    private static Scenario async(int events, ConsumerSpec consumer, DownstreamSpec downstream) {
        return new Scenario("t", "", EventsSpec.burst(events), Pipeline.SNS_LAMBDA, null, consumer, downstream);
    }

    @Test
    void the_same_seed_gives_identical_run_data() {
        Scenario scenario = Scenarios.load("03-sqs-rc1-low-visibility.yaml");
        RunData first = Simulator.run(scenario, SimulationOptions.seed(42)).runData();
        RunData second = Simulator.run(scenario, SimulationOptions.seed(42)).runData();
        assertThat(second).isEqualTo(first);
        assertThat(second.run().requestCounts()).isEqualTo(first.run().requestCounts());
    }

    @Test
    void another_seed_gives_another_run() {
        Scenario scenario = Scenarios.load("03-sqs-rc1-low-visibility.yaml");
        RunData first = Simulator.run(scenario, SimulationOptions.seed(1)).runData();
        RunData second = Simulator.run(scenario, SimulationOptions.seed(2)).runData();
        assertThat(second.invocations()).isNotEqualTo(first.invocations());
    }

    @Test
    void the_run_record_describes_a_simulated_run_from_the_fixed_epoch() {
        SimulationResult result = Simulator.run(Scenarios.load("recommended.yaml"), SimulationOptions.seed(3));
        var run = result.runData().run();
        assertThat(run.runId()).isEqualTo("sim-recommended-3");
        assertThat(run.mode()).isEqualTo("simulate");
        assertThat(run.scenario()).isEqualTo("recommended");
        assertThat(run.startedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(run.endedAt()).isAfter(run.startedAt());
        assertThat(run.totalEvents()).isEqualTo(1000);
        assertThat(run.limitPerSecond()).isEqualTo(50);
        assertThat(run.memoryMb()).isEqualTo(512);
        assertThat(run.configurationJson()).contains("\"batchSize\":10");
        assertThat(run.requestCounts()).containsEntry("snsPublishes", 1000L)
                .containsEntry("sqsSends", 1000L)
                .containsEntry("dynamoWriteUnits", 1000L)
                .containsEntry("lambdaInvocations", result.stats().invocations())
                .containsKeys("sqsRequests", "sqsReceives", "sqsEmptyReceives", "sqsDeletes", "sqsVisibilityChanges");
        assertThat(run.requestCounts().get("sqsRequests")).isEqualTo(run.requestCounts().get("sqsReceives")
                + run.requestCounts().get("sqsDeletes") + run.requestCounts().get("sqsSends"));
    }

    @Test
    void rows_carry_the_run_group_batch_and_environment_of_each_processed_event() {
        RunData data = Simulator.run(Scenarios.load("recommended.yaml"), SimulationOptions.seed(3)).runData();
        assertThat(data.invocations()).hasSize(1000).allSatisfy(row -> {
            assertThat(row.runId()).isEqualTo("sim-recommended-3");
            assertThat(row.groupId()).isEqualTo("recommended");
            assertThat(row.batchId()).startsWith("b-");
            // recommended.yaml provisions all 5 environments: p-1 to p-5, never a cold one (c-N).
            assertThat(row.cacheId()).matches("p-[1-5]");
            assertThat(row.startedAt()).isAfter(row.sentAt());
            assertThat(row.completedAt()).isEqualTo(row.startedAt().plusMillis(1000));
        });
        assertThat(data.invocations().stream().map(InvocationRow::id).distinct()).hasSize(1000);
    }

    @Test
    void the_events_override_replaces_the_total() {
        SimulationResult result = Simulator.run(Scenarios.load("recommended.yaml"),
                SimulationOptions.seed(1).withEvents(250).withRunId("override"));
        assertThat(result.runData().run().totalEvents()).isEqualTo(250);
        assertThat(result.runData().run().runId()).isEqualTo("override");
        assertThat(result.stats().completed()).isEqualTo(250);
    }

    @Test
    void each_new_environment_is_one_cold_start_with_its_own_cache_id() {
        RunData data = Simulator.run(Scenarios.load("05-sqs-rc5-high-visibility.yaml"), SimulationOptions.seed(1)).runData();
        Set<String> cacheIds = new HashSet<>();
        data.invocations().forEach(row -> cacheIds.add(row.cacheId()));
        List<PipelineEvent> coldStarts = data.pipelineEvents().stream()
                .filter(e -> e.kind() == PipelineEventKind.COLD_START).toList();
        assertThat(cacheIds).hasSize(5);
        assertThat(coldStarts).extracting(PipelineEvent::cacheId).containsExactlyInAnyOrderElementsOf(cacheIds);
    }

    @Test
    void provisioned_environments_are_initialized_before_the_run_and_only_on_demand_ones_start_cold() {
        Scenario recommended = Scenarios.load("recommended.yaml");
        assertThat(recommended.consumer().provisionedConcurrency()).isEqualTo(5);
        RunData all = Simulator.run(recommended, SimulationOptions.seed(1)).runData();
        Scenario fourOfFive = recommended.withConsumer(recommended.consumer().withProvisionedConcurrency(4));
        RunData four = Simulator.run(fourOfFive, SimulationOptions.seed(1)).runData();

        // Five concurrent batches from the start: all five on provisioned environments, no cold start.
        assertThat(cacheIds(all)).containsExactlyInAnyOrder("p-1", "p-2", "p-3", "p-4", "p-5");
        assertThat(all.pipelineEvents()).noneMatch(e -> e.kind() == PipelineEventKind.COLD_START);
        // With four provisioned, the fifth concurrent batch needs an on-demand environment: one cold start.
        assertThat(cacheIds(four)).containsExactlyInAnyOrder("p-1", "p-2", "p-3", "p-4", "c-1");
        assertThat(four.pipelineEvents()).filteredOn(e -> e.kind() == PipelineEventKind.COLD_START)
                .extracting(PipelineEvent::cacheId).containsExactly("c-1");
        // The cold one starts a cold start's time (and the invoke overhead) after it was admitted.
        long coldStartAt = four.pipelineEvents().stream().filter(e -> e.kind() == PipelineEventKind.COLD_START)
                .mapToLong(e -> e.at().toEpochMilli()).findFirst().orElseThrow();
        long firstColdInvoke = four.pipelineEvents().stream().filter(e -> e.kind() == PipelineEventKind.INVOKE
                && e.cacheId().equals("c-1")).mapToLong(e -> e.at().toEpochMilli()).min().orElseThrow();
        assertThat(firstColdInvoke - coldStartAt)
                .isEqualTo(AwsBehaviour.current().coldStart().plus(AwsBehaviour.current().invokeOverhead()).toMillis());
        assertThat(four.run().endedAt()).isAfter(all.run().endedAt());
    }

    @Test
    void the_run_counts_provisioned_concurrency_and_the_time_run_on_it_for_the_cost_model() {
        RunData all = Simulator.run(Scenarios.load("recommended.yaml"), SimulationOptions.seed(1)).runData();
        Scenario none = Scenarios.load("05-sqs-rc5-high-visibility.yaml");
        RunData unprovisioned = Simulator.run(none, SimulationOptions.seed(1)).runData();

        long invokedMillis = all.pipelineEvents().stream().filter(e -> e.kind() == PipelineEventKind.INVOKE)
                .mapToLong(PipelineEvent::durationMillis).sum();
        assertThat(all.run().requestCounts()).containsEntry("provisionedConcurrency", 5L)
                .containsEntry("lambdaProvisionedBilledMillis", invokedMillis);
        // Runs without it keep exactly the keys they had.
        assertThat(unprovisioned.run().requestCounts()).doesNotContainKeys("provisionedConcurrency",
                "lambdaProvisionedBilledMillis");
        assertThat(Simulator.run(Scenarios.load("recommended.yaml"), SimulationOptions.seed(1)).runData()).isEqualTo(all);
    }

    @Test
    void sns_to_lambda_spills_over_from_provisioned_to_on_demand_environments() {
        Scenario scenario = async(40, new ConsumerSpec(null, null, 10, 512, 3), new DownstreamSpec(1000, 1000, false));
        RunData data = Simulator.run(scenario, SimulationOptions.seed(1)).runData();

        Set<String> ids = cacheIds(data);
        assertThat(ids).contains("p-1", "p-2", "p-3").hasSizeGreaterThan(3);
        List<String> cold = data.pipelineEvents().stream().filter(e -> e.kind() == PipelineEventKind.COLD_START)
                .map(PipelineEvent::cacheId).toList();
        assertThat(cold).doesNotHaveDuplicates().allMatch(id -> id.startsWith("c-"));
        assertThat(new HashSet<>(cold)).isEqualTo(ids.stream().filter(id -> id.startsWith("c-")).collect(
                java.util.stream.Collectors.toSet()));
        assertThat(data.invocations()).hasSize(40);
    }

    private static Set<String> cacheIds(RunData data) {
        Set<String> ids = new HashSet<>();
        data.invocations().forEach(row -> ids.add(row.cacheId()));
        return ids;
    }

    @Test
    void reserved_concurrency_caps_the_invocations_running_at_once() {
        RunData data = Simulator.run(Scenarios.load("05-sqs-rc5-high-visibility.yaml"), SimulationOptions.seed(1)).runData();
        assertThat(maxOverlap(data)).isEqualTo(5);
    }

    @Test
    void maximum_concurrency_stops_the_mapping_pulling_batches_the_function_cannot_take() {
        Scenario capped = queued(200, new QueueSpec(10, 5, 1, 0), new ConsumerSpec(2, 2, 10, 512),
                new DownstreamSpec(2, 1000, false));
        RowFigures figures = RowFigures.of(Simulator.run(capped, SimulationOptions.seed(1)).runData());
        assertThat(figures.throttles()).isZero();
        assertThat(figures.completed()).isEqualTo(200);
        assertThat(figures.secondsOverLimit()).isZero();
    }

    @Test
    void a_function_timeout_shorter_than_the_call_fails_every_batch_until_the_dlq() {
        Scenario timingOut = queued(20, new QueueSpec(2, 3, 1, 0), new ConsumerSpec(null, null, 1, 512),
                new DownstreamSpec(100, 2000, false));
        RunData data = Simulator.run(timingOut, SimulationOptions.seed(1)).runData();
        RowFigures figures = RowFigures.of(data);
        assertThat(figures.completed()).isZero();
        assertThat(figures.deadLettered()).isEqualTo(20);
        assertThat(figures.timeouts()).isEqualTo(60); // 3 receives each
        assertThat(figures.redeliveries()).isEqualTo(40);
        assertThat(data.pipelineEvents()).filteredOn(e -> e.kind() == PipelineEventKind.INVOKE)
                .allSatisfy(e -> assertThat(e.durationMillis()).isEqualTo(1000));
    }

    @Test
    void an_environment_whose_invocation_timed_out_runs_the_init_again_on_its_next_invocation() {
        Scenario timingOut = queued(20, new QueueSpec(2, 3, 1, 0), new ConsumerSpec(1, null, 1, 512),
                new DownstreamSpec(100, 2000, false));
        RunData data = Simulator.run(timingOut, SimulationOptions.seed(1)).runData();
        List<PipelineEvent> invokes = data.pipelineEvents().stream()
                .filter(e -> e.kind() == PipelineEventKind.INVOKE).toList();
        List<PipelineEvent> inits = data.pipelineEvents().stream()
                .filter(e -> e.kind() == PipelineEventKind.COLD_START).toList();
        // Every invocation times out, so every one runs on a reset environment (or the first,
        // new one): one init per invocation, all on the one environment reserved concurrency allows.
        assertThat(invokes).hasSizeGreaterThan(1);
        assertThat(inits).hasSameSizeAs(invokes);
        assertThat(inits.stream().map(PipelineEvent::cacheId).distinct()).containsExactly("c-1");
    }

    @Test
    void async_invocation_retries_a_failing_event_twice_about_one_and_two_minutes_later_then_dead_letters_it() {
        Scenario timingOut = async(1, new ConsumerSpec(null, null, 1, 512), new DownstreamSpec(100, 2000, false));
        RunData data = Simulator.run(timingOut, SimulationOptions.seed(1)).runData();
        List<Instant> starts = data.pipelineEvents().stream().filter(e -> e.kind() == PipelineEventKind.INVOKE)
                .map(PipelineEvent::at).toList();
        assertThat(starts).hasSize(3);
        assertThat(starts.get(1).toEpochMilli() - starts.get(0).toEpochMilli()).isBetween(60_000L, 62_000L);
        assertThat(starts.get(2).toEpochMilli() - starts.get(1).toEpochMilli()).isBetween(120_000L, 122_000L);
        assertThat(RowFigures.of(data).deadLettered()).isEqualTo(1);
    }

    @Test
    void async_invocation_gives_up_on_a_throttled_event_after_the_maximum_event_age() {
        Scenario stopped = async(3, new ConsumerSpec(0, null, 10, 512), new DownstreamSpec(1, 1000, false));
        SimulationResult result = Simulator.run(stopped, SimulationOptions.seed(1));
        RowFigures figures = RowFigures.of(result.runData());
        assertThat(figures.deadLettered()).isEqualTo(3);
        assertThat(result.stats().virtualEndMillis())
                .isBetween(AwsBehaviour.current().asyncMaximumEventAge().toMillis(),
                        AwsBehaviour.current().asyncMaximumEventAge().toMillis() + 1_000);
        // Backoff doubles from 1 s to 5 min, three events spread over each step: about 100
        // attempts each in 6 hours, not thousands.
        assertThat(figures.throttles()).isBetween(3 * 80L, 3 * 130L);
    }

    @Test
    void an_enforced_limit_refuses_calls_over_it_and_the_queue_retries_them() {
        Scenario enforced = queued(100, new QueueSpec(10, 100, 10, 0), new ConsumerSpec(null, 10, 10, 512),
                new DownstreamSpec(20, 100, true));
        SimulationResult result = Simulator.run(enforced, SimulationOptions.seed(1));
        RowFigures figures = RowFigures.of(result.runData());
        assertThat(figures.completed()).isEqualTo(100);
        assertThat(figures.maxInsertsPerSecond()).isEqualTo(20);
        assertThat(figures.secondsOverLimit()).isZero();
        assertThat(result.stats().refusedCalls()).isPositive();
        assertThat(figures.redeliveries()).isPositive();
    }

    @Test
    void the_rate_pattern_spreads_publishes_evenly() {
        Scenario rate = new Scenario("t", "", EventsSpec.rate(100, 10), Pipeline.SNS_LAMBDA, null,
                new ConsumerSpec(null, null, 10, 512), new DownstreamSpec(100, 10, false));
        RunData data = Simulator.run(rate, SimulationOptions.seed(1)).runData();
        assertThat(data.invocations()).allSatisfy(row ->
                assertThat(row.sentAt().toEpochMilli() - Simulator.EPOCH.toEpochMilli()).isEqualTo(row.id() * 100));
    }

    @Test
    void the_spikes_pattern_sends_each_spike_at_once() {
        EventsSpec spikes = new EventsSpec(30, io.streamlimit.scenario.ArrivalPattern.SPIKES, 10, null, 10, 60, 50);
        Scenario scenario = new Scenario("t", "", spikes, Pipeline.SNS_LAMBDA, null,
                new ConsumerSpec(null, null, 10, 512), new DownstreamSpec(100, 10, false));
        RunData data = Simulator.run(scenario, SimulationOptions.seed(1)).runData();
        assertThat(data.invocations()).allSatisfy(row ->
                assertThat(row.sentAt().toEpochMilli() - Simulator.EPOCH.toEpochMilli()).isEqualTo(row.id() / 10 * 60_000));
    }

    @Test
    void the_listener_hears_progress_and_the_finish_without_changing_the_run() {
        Scenario scenario = Scenarios.load("04-sqs-rc1-high-visibility.yaml");
        List<SimulationProgress> heard = new ArrayList<>();
        RunData observed = Simulator.run(scenario, SimulationOptions.seed(5), heard::add).runData();
        assertThat(heard).hasSizeGreaterThan(10);
        SimulationProgress last = heard.get(heard.size() - 1);
        assertThat(last.finished()).isTrue();
        assertThat(last.completed()).isEqualTo(1000);
        assertThat(heard.subList(0, heard.size() - 1)).noneMatch(SimulationProgress::finished);
        assertThat(Simulator.run(scenario, SimulationOptions.seed(5)).runData()).isEqualTo(observed);
    }

    @Test
    void simulating_a_thousand_events_at_one_per_second_takes_well_under_a_second() {
        // Not a benchmark (see SimBenchmark): a guard against the model doing per-second busy work.
        SimulationResult result = Simulator.run(Scenarios.load("04-sqs-rc1-high-visibility.yaml"), SimulationOptions.seed(1));
        assertThat(result.stats().steps()).isLessThan(2_000_000);
    }

    /** Most INVOKE intervals overlapping at one instant. */
    private static int maxOverlap(RunData data) {
        List<long[]> edges = new ArrayList<>();
        for (PipelineEvent e : data.pipelineEvents()) {
            if (e.kind() == PipelineEventKind.INVOKE) {
                long start = e.at().toEpochMilli();
                edges.add(new long[] {start, 1});
                edges.add(new long[] {start + e.durationMillis(), -1});
            }
        }
        edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int current = 0;
        int max = 0;
        for (long[] edge : edges) {
            current += (int) edge[1];
            max = Math.max(max, current);
        }
        return max;
    }

    @Test
    void progress_counts_each_event_once_though_one_can_both_complete_and_reach_the_dlq() {
        // 03 at 100 events, seed 1: 95 events completed and 9 reached the DLQ, 4 of them after
        // completing (a copy redelivered before its delete landed).
        List<SimulationProgress> seen = new ArrayList<>();
        Simulator.run(Scenarios.load("03-sqs-rc1-low-visibility.yaml"), SimulationOptions.seed(1).withEvents(100), seen::add);

        SimulationProgress last = seen.get(seen.size() - 1);
        assertThat(last.finished()).isTrue();
        assertThat(last.completed() + last.failed()).isEqualTo(104);
        assertThat(last.resolved()).isEqualTo(100);
        assertThat(seen).allSatisfy(p -> assertThat(p.resolved()).isLessThanOrEqualTo(p.total()));
    }
}
