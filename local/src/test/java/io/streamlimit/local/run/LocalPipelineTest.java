package io.streamlimit.local.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.consumer.Downstream;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.local.stack.LocalStackExtension;
import io.streamlimit.metrics.CostModel;
import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.results.PipelineEvent;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.DownstreamSpec;
import io.streamlimit.scenario.QueueSpec;
import io.streamlimit.scenario.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The whole pipeline on the embedded services: real SQS (ElasticMQ), dynalite, PostgreSQL. */
class LocalPipelineTest {

    @RegisterExtension
    static final LocalStackExtension LOCAL = new LocalStackExtension();

    @Test
    void sns_sqs_lambda_applies_every_event_and_the_ledger_equals_the_model() throws Exception {
        Scenario scenario = Scenarios.sqs("e2e-sqs", 300, 150, new QueueSpec(30, 5, 10, 0),
                new ConsumerSpec(null, 5, 10, 512), new DownstreamSpec(1000, 10, false));

        LocalRun.Result result = run(scenario, UnaryOperator.identity());

        assertEveryEventCompletedOnceAndLedgerMatches(result);
        assertThat(RunResults.kinds(result, PipelineEventKind.DLQ)).isZero();
    }

    @Test
    void sns_lambda_applies_every_event_and_the_ledger_equals_the_model() throws Exception {
        Scenario scenario = Scenarios.snsLambda("e2e-sns", 120, 60, new ConsumerSpec(10, null, 10, 512),
                new DownstreamSpec(1000, 10, false));

        LocalRun.Result result = run(scenario, UnaryOperator.identity());

        assertEveryEventCompletedOnceAndLedgerMatches(result);
    }

    @Test
    void with_reserved_concurrency_1_and_a_short_visibility_timeout_throttles_alone_push_messages_into_the_dlq() throws Exception {
        Scenario scenario = Scenarios.sqs("e2e-throttle-loss", 20, 20, new QueueSpec(2, 2, 1, 0),
                new ConsumerSpec(1, null, 2, 512), new DownstreamSpec(1, 1000, false));

        LocalRun.Result result = run(scenario, UnaryOperator.identity());

        Set<Long> completed = RunResults.completedIds(result);
        Set<Long> deadLettered = result.data().pipelineEvents().stream()
                .filter(e -> e.kind() == PipelineEventKind.DLQ).map(PipelineEvent::eventId).collect(Collectors.toSet());
        assertThat(deadLettered).as("events lost to the DLQ").isNotEmpty();
        assertThat(RunResults.kinds(result, PipelineEventKind.THROTTLE)).isPositive();
        // The handler never failed, yet events the function never ran sit in the DLQ: throttles alone put them there.
        assertThat(RunResults.kinds(result, PipelineEventKind.TIMEOUT)).isZero();
        Set<Long> neverRun = new java.util.HashSet<>(deadLettered);
        neverRun.removeAll(completed);
        assertThat(neverRun).as("DLQ'd events the function never ran").isNotEmpty();
        // Nothing is lost silently: every event either completed or sits in the DLQ.
        Set<Long> accountedFor = new java.util.HashSet<>(completed);
        accountedFor.addAll(deadLettered);
        assertThat(accountedFor).hasSize(20);
    }

    @Test
    void with_maximum_concurrency_instead_nothing_is_throttled_and_nothing_reaches_the_dlq() throws Exception {
        Scenario scenario = Scenarios.sqs("e2e-max-concurrency", 20, 20, new QueueSpec(2, 2, 1, 0),
                new ConsumerSpec(null, 2, 2, 512), new DownstreamSpec(2, 1000, false));

        LocalRun.Result result = run(scenario, UnaryOperator.identity());

        assertThat(RunResults.kinds(result, PipelineEventKind.THROTTLE)).isZero();
        assertThat(RunResults.kinds(result, PipelineEventKind.DLQ)).isZero();
        assertEveryEventCompletedOnceAndLedgerMatches(result);
    }

    @Test
    void with_every_environment_provisioned_the_run_has_no_cold_start_and_pays_for_provisioned_concurrency() throws Exception {
        Scenario scenario = Scenarios.sqs("e2e-provisioned", 40, 20, new QueueSpec(30, 5, 5, 0),
                new ConsumerSpec(2, 2, 10, 512, 2), new DownstreamSpec(1000, 10, false));

        LocalRun.Result result = run(scenario, UnaryOperator.identity());

        assertEveryEventCompletedOnceAndLedgerMatches(result);
        // Maximum concurrency 2 never needs more than the 2 provisioned environments, made before the first publish.
        assertThat(RunResults.kinds(result, PipelineEventKind.COLD_START)).isZero();
        assertThat(result.data().pipelineEvents()).filteredOn(e -> e.kind() == PipelineEventKind.INVOKE)
                .isNotEmpty().allSatisfy(e -> assertThat(e.cacheId()).startsWith("env-pc-"));
        long invokedMillis = result.data().pipelineEvents().stream().filter(e -> e.kind() == PipelineEventKind.INVOKE)
                .mapToLong(PipelineEvent::durationMillis).sum();
        assertThat(result.data().run().requestCounts()).containsEntry(CostModel.PROVISIONED_CONCURRENCY, 2L)
                .containsEntry(CostModel.LAMBDA_PROVISIONED_BILLED_MILLIS, invokedMillis);
        // 2 environments x 0.5 GB x 5 minutes x $0.0000033334 per GB-s (arm64, as the CDK app deploys)
        assertThat(new MetricsCalculator().compute(result.data()).provisionedConcurrencyCostUsd()).isEqualTo(0.001);
    }

    @Test
    void a_consumer_that_throws_mid_batch_loses_nothing_and_applies_each_event_once() throws Exception {
        Set<Long> failedOnce = ConcurrentHashMap.newKeySet();
        UnaryOperator<Downstream> throwOnFirstSight = ThrowOnFirstSight.everySeventhEvent(failedOnce);
        Scenario scenario = Scenarios.sqs("e2e-errors", 60, 30, new QueueSpec(2, 5, 5, 0),
                new ConsumerSpec(null, 3, 2, 512), new DownstreamSpec(1000, 10, false));

        LocalRun.Result result = run(scenario, throwOnFirstSight);

        assertThat(failedOnce).isNotEmpty();
        assertThat(RunResults.kinds(result, PipelineEventKind.REDELIVERY)).isPositive();
        assertEveryEventCompletedOnceAndLedgerMatches(result);
    }

    @Test
    void a_consumer_that_times_out_mid_batch_loses_nothing_and_applies_each_event_once() throws Exception {
        Set<Long> delayedOnce = ConcurrentHashMap.newKeySet();
        UnaryOperator<Downstream> hangOnFirstSight = real -> (events, invocation) -> {
            for (StreamEvent e : events) {
                if (e.seq() % 10 == 4 && delayedOnce.add(e.seq())) {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("stopped by the function timeout");
                    }
                }
            }
            return real.callAll(events, invocation);
        };
        Scenario scenario = Scenarios.sqs("e2e-timeouts", 40, 20, new QueueSpec(2, 5, 4, 0),
                new ConsumerSpec(null, 3, 1, 512), new DownstreamSpec(1000, 10, false));

        LocalRun.Result result = run(scenario, hangOnFirstSight);

        assertThat(RunResults.kinds(result, PipelineEventKind.TIMEOUT)).isPositive();
        assertEveryEventCompletedOnceAndLedgerMatches(result);
    }

    private static LocalRun.Result run(Scenario scenario, UnaryOperator<Downstream> faults) throws InterruptedException {
        String runId = "test-" + scenario.name() + "-" + System.nanoTime();
        LocalRunOptions options = new LocalRunOptions(runId, null, Duration.ofSeconds(1), 16, 8, Duration.ofMinutes(2));
        return new LocalRun(LOCAL.stack(), AwsBehaviour.current(), Clock.systemUTC(), RunProgress.NONE, faults).run(scenario, options);
    }

    private static void assertEveryEventCompletedOnceAndLedgerMatches(LocalRun.Result result) {
        assertThat(LedgerModel.streamsPerUid(result.events()).values()).allMatch(n -> n <= 3);
        RunResults.assertEveryEventCompletedOnceAndLedgerMatches(result);
    }
}
