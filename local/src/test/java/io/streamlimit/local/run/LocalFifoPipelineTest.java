package io.streamlimit.local.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.consumer.Downstream;
import io.streamlimit.event.EventType;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.local.stack.LocalStackExtension;
import io.streamlimit.metrics.CostModel;
import io.streamlimit.results.PipelineEvent;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.scenario.ArrivalPattern;
import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.DownstreamSpec;
import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.FifoSpec;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.QueueSpec;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** sns-fifo-sqs-fifo-lambda on the embedded services: each viewer's events take effect in the ledger in order. */
class LocalFifoPipelineTest {

    @RegisterExtension
    static final LocalStackExtension LOCAL = new LocalStackExtension();

    @Test
    void fifo_200_viewers_applies_every_viewers_events_in_order() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("../scenarios/fifo-200-viewers.yaml"));
        assertThat(scenario.pipeline()).isEqualTo(Pipeline.SNS_FIFO_SQS_FIFO_LAMBDA);

        LocalRun.Result result = run(scenario, UnaryOperator.identity(), Duration.ofMinutes(3));

        assertThat(result.events()).hasSize(1000);
        assertThat(result.events().stream().map(StreamEvent::uid).distinct()).hasSize(200);
        assertEveryEventCompletedInOrder(result);
        assertThat(RunResults.kinds(result, PipelineEventKind.DLQ)).isZero();
        // Priced as FIFO: the marker, and the bytes of the 1,000 events' messages the topic bills as payload.
        Map<String, Long> counts = result.data().run().requestCounts();
        // The producer stamps each event with its publish instant, whose text is 20 to 30 characters long.
        assertThat(counts).containsEntry(CostModel.FIFO_PIPELINE, 1L).containsEntry(CostModel.SNS_PUBLISHES, 1_000L);
        assertThat(counts.get(CostModel.SNS_PAYLOAD_BYTES)).isBetween(
                FifoEventPublisher.payloadBytes(stamped(result.events(), "2026-01-01T00:00:00Z")),
                FifoEventPublisher.payloadBytes(stamped(result.events(), "2026-01-01T00:00:00.123456789Z")));
        assertThat(new CostModel().breakdown(result.data()).sqsUsd())
                .isCloseTo(counts.get(CostModel.SQS_REQUESTS) * CostModel.SQS_FIFO_USD_PER_MILLION_REQUESTS / 1e6, within(1e-15));
    }

    @Test
    void failures_and_redeliveries_keep_each_viewers_order() throws Exception {
        Set<Long> failedOnce = ConcurrentHashMap.newKeySet();
        UnaryOperator<Downstream> throwOnFirstSight = ThrowOnFirstSight.everySeventhEvent(failedOnce);
        Scenario scenario = fifo("fifo-errors", 90, 15, new ConsumerSpec(null, 4, 2, 512), 5, 10);

        LocalRun.Result result = run(scenario, throwOnFirstSight, Duration.ofMinutes(2));

        assertThat(failedOnce).isNotEmpty();
        assertThat(RunResults.kinds(result, PipelineEventKind.REDELIVERY)).isPositive();
        assertEveryEventCompletedInOrder(result);
    }

    @Test
    void three_viewers_run_at_most_three_batches_at_once_whatever_the_maximum_concurrency() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("../scenarios/fifo-3-viewers.yaml"));
        assertThat(scenario.consumer().maximumConcurrency()).isEqualTo(10);

        // 180 of its events: 60 per viewer, 6 batches of 10 each, a second each.
        LocalRun.Result result = run(scenario, UnaryOperator.identity(), Duration.ofMinutes(2), 180);

        assertThat(result.events()).hasSize(180);
        assertEveryEventCompletedInOrder(result);
        assertThat(maxConcurrentInvocations(result)).isEqualTo(3);
    }

    private static List<StreamEvent> stamped(List<StreamEvent> events, String instant) {
        return events.stream().map(e -> new StreamEvent(e.type(), e.uid(), e.streamId(), java.time.Instant.parse(instant),
                e.runId(), e.seq())).toList();
    }

    private static Scenario fifo(String name, int events, int users, ConsumerSpec consumer, int batchSize, int callMillis) {
        return new Scenario(name, "test", new EventsSpec(events, ArrivalPattern.BURST, users, null, null, null, 20),
                Pipeline.SNS_FIFO_SQS_FIFO_LAMBDA, new QueueSpec(10, 5, batchSize, 0).withFifo(FifoSpec.defaults()), consumer,
                new DownstreamSpec(1000, callMillis, false));
    }

    private static LocalRun.Result run(Scenario scenario, UnaryOperator<Downstream> faults, Duration max) throws InterruptedException {
        return run(scenario, faults, max, null);
    }

    private static LocalRun.Result run(Scenario scenario, UnaryOperator<Downstream> faults, Duration max, Integer events)
            throws InterruptedException {
        String runId = "test-" + scenario.name() + "-" + System.nanoTime();
        LocalRunOptions options = new LocalRunOptions(runId, events, Duration.ofSeconds(1), 16, 8, max);
        return new LocalRun(LOCAL.stack(), AwsBehaviour.current(), Clock.systemUTC(), RunProgress.NONE, faults).run(scenario, options);
    }

    private static void assertEveryEventCompletedInOrder(LocalRun.Result result) {
        assertThat(RunResults.completedIds(result)).hasSize(result.events().size());
        // Each viewer's events took effect in the ledger in publish order, every one of them.
        assertThat(result.applied().violations(result.events())).isEmpty();
        // Applied in order, the limit denies the same opens as a ledger fed one event at a time would.
        Map<String, Integer> expected = openInOrder(result.events(), LedgerSettings.defaults().limit());
        for (String uid : expected.keySet()) {
            assertThat(result.ledger().check(uid).open()).as("open streams of " + uid).isEqualTo(expected.get(uid));
        }
    }

    /** Each uid's open streams after its events in publish order, opens over {@code limit} denied. */
    private static Map<String, Integer> openInOrder(List<StreamEvent> events, int limit) {
        Map<String, Set<String>> open = new HashMap<>();
        for (StreamEvent e : events) {
            Set<String> streams = open.computeIfAbsent(e.uid(), uid -> new HashSet<>());
            if (e.type() == EventType.CLOSE) {
                streams.remove(e.streamId());
            } else if (streams.size() < limit) {
                streams.add(e.streamId());
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        open.forEach((uid, streams) -> counts.put(uid, streams.size()));
        return counts;
    }

    /** The most invocations running at one moment, from their start times and durations. */
    private static int maxConcurrentInvocations(LocalRun.Result result) {
        List<long[]> edges = new ArrayList<>();
        for (PipelineEvent e : result.data().pipelineEvents()) {
            if (e.kind() == PipelineEventKind.INVOKE) {
                long start = e.at().toEpochMilli();
                edges.add(new long[] {start, 1});
                edges.add(new long[] {start + e.durationMillis(), -1});
            }
        }
        // An end and a start at the same millisecond do not overlap.
        edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int running = 0;
        int max = 0;
        for (long[] edge : edges) {
            running += (int) edge[1];
            max = Math.max(max, running);
        }
        return max;
    }
}
