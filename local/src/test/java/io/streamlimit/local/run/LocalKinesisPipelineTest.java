package io.streamlimit.local.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.consumer.Downstream;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.local.stack.LocalStackExtension;
import io.streamlimit.results.PipelineEvent;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.DownstreamSpec;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.StreamSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The api-kinesis-lambda pipeline on the embedded services: kinesis-local, ElasticMQ, dynalite, PostgreSQL. */
class LocalKinesisPipelineTest {

    @RegisterExtension
    static final LocalStackExtension LOCAL = new LocalStackExtension(o -> o.withKinesis(0, 1));

    @Test
    void every_event_is_applied_once_and_the_ledger_equals_the_model() throws Exception {
        Scenario scenario = Scenarios.kinesis("e2e-kinesis", 200, 60, new StreamSpec(2, 10, 0, 2, false, -1, -1),
                new ConsumerSpec(null, null, 10, 512), new DownstreamSpec(1000, 10, false));

        LocalRun.Result result = run(scenario, UnaryOperator.identity());

        RunResults.assertEveryEventCompletedOnceAndLedgerMatches(result);
        assertThat(RunResults.kinds(result, PipelineEventKind.DLQ)).isZero();
        assertThat(result.data().run().requestCounts()).containsEntry("kinesisShards", 2L)
                .containsEntry("kinesisPuts", 200L).containsEntry("kinesisPayloadUnits", 200L)
                .containsEntry("kinesisPutThrottles", 0L).doesNotContainKey("snsPublishes");
    }

    @Test
    void a_consumer_that_throws_mid_batch_blocks_the_shard_loses_nothing_and_applies_each_event_once() throws Exception {
        Set<Long> failedOnce = ConcurrentHashMap.newKeySet();
        UnaryOperator<Downstream> throwOnFirstSight = ThrowOnFirstSight.everySeventhEvent(failedOnce);
        Scenario scenario = Scenarios.kinesis("e2e-kinesis-errors", 80, 30, new StreamSpec(1, 5, 0, 1, false, -1, -1),
                new ConsumerSpec(null, null, 5, 512), new DownstreamSpec(1000, 10, false));

        LocalRun.Result result = run(scenario, throwOnFirstSight);

        assertThat(failedOnce).isNotEmpty();
        assertThat(RunResults.kinds(result, PipelineEventKind.SHARD_RETRY)).isPositive();
        RunResults.assertEveryEventCompletedOnceAndLedgerMatches(result);
    }

    @Test
    void a_uid_the_downstream_always_refuses_goes_to_the_on_failure_queue_once_its_retries_run_out() throws Exception {
        String poisoned = "viewer-1";
        UnaryOperator<Downstream> refuseOneUid = real -> (events, invocation) -> {
            if (events.stream().anyMatch(e -> e.uid().equals(poisoned))) {
                throw new IllegalStateException("the downstream refuses " + poisoned);
            }
            return real.callAll(events, invocation);
        };
        // Bisecting splits each failing batch down to the poisoned uid's records; one retry each, then given up.
        Scenario scenario = Scenarios.kinesis("e2e-kinesis-poison", 60, 10, new StreamSpec(1, 10, 0, 1, true, 1, -1),
                new ConsumerSpec(null, null, 5, 512), new DownstreamSpec(1000, 10, false));

        LocalRun.Result result = run(scenario, refuseOneUid);

        Set<Long> ofPoisoned = result.events().stream().filter(e -> e.uid().equals(poisoned)).map(StreamEvent::seq)
                .collect(Collectors.toSet());
        assertThat(ofPoisoned).isNotEmpty();
        Set<Long> deadLettered = result.data().pipelineEvents().stream().filter(e -> e.kind() == PipelineEventKind.DLQ)
                .map(PipelineEvent::eventId).collect(Collectors.toSet());
        assertThat(deadLettered).isEqualTo(ofPoisoned);
        // The blocked lane shows in the iterator age, sampled once a second.
        assertThat(result.data().pipelineCounts().total(PipelineEventKind.ITERATOR_AGE)).isPositive();
        Set<Long> completed = RunResults.completedIds(result);
        Set<Long> others = result.events().stream().map(StreamEvent::seq).filter(seq -> !ofPoisoned.contains(seq))
                .collect(Collectors.toSet());
        assertThat(completed).isEqualTo(others);
    }

    @Test
    void under_crashes_and_redeliveries_every_event_is_applied_once_or_given_up_and_each_uid_keeps_its_order()
            throws Exception {
        // Crashes: a third of the batches fail after the ledger applied them and before the
        // downstream, once each, so their records are delivered again (Kinesis delivers at least
        // once) and applied again, which the ledger must absorb. (Giving up is the poison test's.)
        Map<Long, Integer> failures = new ConcurrentHashMap<>();
        Map<String, java.util.List<Long>> firstSeen = new ConcurrentHashMap<>();
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        UnaryOperator<Downstream> crashing = real -> (events, invocation) -> {
            long first = events.get(0).seq();
            if (first % 3 == 0 && failures.merge(first, 1, Integer::sum) <= 1) {
                throw new IllegalStateException("injected crash on the batch starting at " + first);
            }
            for (StreamEvent e : events) {
                if (seen.add(e.seq())) {
                    firstSeen.computeIfAbsent(e.uid(), uid -> java.util.Collections.synchronizedList(new java.util.ArrayList<>()))
                            .add(e.seq());
                }
            }
            return real.callAll(events, invocation);
        };
        Scenario scenario = Scenarios.kinesis("e2e-kinesis-chaos", 120, 20, new StreamSpec(2, 5, 0, 2, false, 1, -1),
                new ConsumerSpec(null, null, 5, 512), new DownstreamSpec(1000, 10, false));

        LocalRun.Result result = run(scenario, crashing);

        assertThat(failures).isNotEmpty();
        Set<Long> completed = RunResults.completedIds(result);
        assertThat(RunResults.kinds(result, PipelineEventKind.SHARD_RETRY)).isPositive();
        assertThat(RunResults.kinds(result, PipelineEventKind.DLQ)).isZero();
        // Each uid's events reached the downstream in the order they were put.
        assertThat(firstSeen).isNotEmpty();
        firstSeen.forEach((uid, seqs) -> assertThat(seqs).as(uid).isSorted());
        RunResults.assertEveryEventCompletedOnceAndLedgerMatches(result);
    }

    private static LocalRun.Result run(Scenario scenario, UnaryOperator<Downstream> faults) throws InterruptedException {
        String runId = "test-" + scenario.name() + "-" + System.nanoTime();
        LocalRunOptions options = new LocalRunOptions(runId, null, Duration.ofSeconds(1), 16, 8, Duration.ofMinutes(2));
        return new LocalRun(LOCAL.stack(), AwsBehaviour.current(), Clock.systemUTC(), RunProgress.NONE, faults).run(scenario, options);
    }
}
