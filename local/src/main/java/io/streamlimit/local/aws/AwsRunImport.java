package io.streamlimit.local.aws;

import io.streamlimit.metrics.CostModel;
import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.PipelineCounts;
import io.streamlimit.results.PipelineEvent;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;
import io.streamlimit.results.RunRecord;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.ScenarioWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An AWS run as the same rows a simulated or local run has: its {@code invocations} rows (written
 * by the consumer as it ran) plus a {@code runs} row, {@code pipeline_counts} and
 * {@code pipeline_events} made from CloudWatch. CloudWatch counts per period, not per message:
 * throttles and redeliveries are counted at the period's first second, and each DLQ arrival is a
 * row at the period's start with no event id. The metrics count them exactly, but an AWS run's
 * figures are placed to the period (a minute for AWS's own metrics). A Kinesis stack's run also
 * gets its refused puts, its iterator age (each period's maximum, at the period's first second)
 * and its on-failure queue's arrivals as DLQ rows; CloudWatch has no figure for shard-blocking
 * retries, and the on-failure queue gets one message per batch given up, so an AWS run's
 * {@code onFailureRecords} counts batches (as many as records when bisecting split them to one).
 */
public final class AwsRunImport {

    private AwsRunImport() {
    }

    /** @param rows the run's {@code invocations} rows, possibly none */
    public static RunData build(String runId, Scenario scenario, List<InvocationRow> rows, AwsRunMetrics metrics,
                                MetricWindow window) {
        PipelineCounts.Builder counted = new PipelineCounts.Builder();
        count(metrics.throttles(), PipelineEventKind.THROTTLE, counted);
        count(redeliveries(metrics), PipelineEventKind.REDELIVERY, counted);
        // The Kinesis stack's: the shards' refused puts, and the iterator age as a gauge at each period's first second.
        count(metrics.putThrottles(), PipelineEventKind.PUT_THROTTLE, counted);
        count(metrics.iteratorAgeMillis(), PipelineEventKind.ITERATOR_AGE, counted);
        List<PipelineEvent> events = new ArrayList<>();
        repeat(runId, metrics.deadLettered(), PipelineEventKind.DLQ, events);
        // As on the local stack, what the Kinesis mapping gives up on counts with the DLQ arrivals (onFailureRecords).
        repeat(runId, metrics.onFailure(), PipelineEventKind.DLQ, events);
        metrics.concurrency().forEach((at, busy) -> events.add(
                new PipelineEvent(runId, at, PipelineEventKind.CONCURRENCY, null, null, null, 0, Math.toIntExact(busy))));

        long completed = rows.stream().mapToLong(InvocationRow::id).distinct().count();
        long published = AwsRunMetrics.total(metrics.published());
        long totalEvents = published > 0 ? published
                : completed + AwsRunMetrics.total(metrics.deadLettered()) + AwsRunMetrics.total(metrics.onFailure());
        Map<String, Long> counts = new TreeMap<>();
        if (scenario.pipeline() == Pipeline.API_KINESIS_LAMBDA) {
            counts.put(CostModel.KINESIS_SHARDS, (long) scenario.stream().shards());
            // One PUT payload unit per record: the project's events are far below a unit's 25 KB.
            counts.put(CostModel.KINESIS_PAYLOAD_UNITS, published);
            counts.put("kinesisPutThrottles", AwsRunMetrics.total(metrics.putThrottles()));
        } else {
            counts.put(CostModel.SNS_PUBLISHES, published);
        }
        counts.put(CostModel.LAMBDA_INVOCATIONS, AwsRunMetrics.total(metrics.invocations()));
        if (scenario.consumer().provisionedConcurrency() > 0) {
            // Charged for the run only, as for local and simulated runs; CloudWatch does not say
            // which invocations ran on it, so their compute is priced on demand.
            counts.put(CostModel.PROVISIONED_CONCURRENCY, (long) scenario.consumer().provisionedConcurrency());
        }
        RunRecord run = new RunRecord(runId, scenario.name(), "aws", ScenarioWriter.toJson(scenario),
                firstTime(rows).orElse(window.from()), lastTime(rows).orElse(window.to()), totalEvents,
                scenario.downstream().ratePerSecond(), scenario.consumer().memoryMb(), counts);
        return new RunData(run, rows, events, counted.build());
    }

    /**
     * Receives beyond the messages sent to the queue so far: a receive is a redelivery once every
     * message sent by then has been received once.
     */
    static TreeMap<Instant, Long> redeliveries(AwsRunMetrics metrics) {
        TreeMap<Instant, Long> redeliveries = new TreeMap<>();
        TreeMap<Instant, long[]> both = new TreeMap<>();
        metrics.received().forEach((at, n) -> both.computeIfAbsent(at, t -> new long[2])[0] += n);
        metrics.sentToQueue().forEach((at, n) -> both.computeIfAbsent(at, t -> new long[2])[1] += n);
        long received = 0;
        long sent = 0;
        long counted = 0;
        for (Map.Entry<Instant, long[]> period : both.entrySet()) {
            received += period.getValue()[0];
            sent += period.getValue()[1];
            long again = Math.max(0, received - sent) - counted;
            if (again > 0) {
                redeliveries.put(period.getKey(), again);
                counted += again;
            }
        }
        return redeliveries;
    }

    private static void count(Map<Instant, Long> series, PipelineEventKind kind, PipelineCounts.Builder into) {
        series.forEach((at, n) -> into.addAtSecond(kind, at.getEpochSecond(), n));
    }

    private static void repeat(String runId, Map<Instant, Long> series, PipelineEventKind kind, List<PipelineEvent> into) {
        series.forEach((at, n) -> {
            for (long i = 0; i < n; i++) {
                into.add(new PipelineEvent(runId, at, kind, null, null, null, 0, 0));
            }
        });
    }

    public static Optional<Instant> firstTime(List<InvocationRow> rows) {
        return rows.stream().flatMap(row -> Stream.of(row.sentAt(), row.startedAt())).filter(Objects::nonNull)
                .min(Instant::compareTo);
    }

    public static Optional<Instant> lastTime(List<InvocationRow> rows) {
        return rows.stream().flatMap(row -> Stream.of(row.completedAt(), row.startedAt())).filter(Objects::nonNull)
                .max(Instant::compareTo);
    }
}
