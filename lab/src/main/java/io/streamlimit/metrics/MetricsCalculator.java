package io.streamlimit.metrics;

import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.PipelineEvent;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;
import io.streamlimit.results.RunRecord;
import java.util.HashSet;
import java.util.Set;

/**
 * The metrics from a run's rows: the one piece of code every mode (simulate, local, aws) uses.
 *
 * <ul>
 *   <li>completed: distinct event ids with a row; failed: the published events that did not
 *       complete, whether they reached the DLQ or were lost without trace.</li>
 *   <li>time taken: first publish (earliest {@code sent_at}) to last {@code completed_at}.</li>
 *   <li>inserts per second: rows bucketed by the second of {@code started_at}, over every whole
 *       second from the first insert's second to the last insert's, empty ones between included: the
 *       seconds that had work. (A window to the last completion would end on a second no insert can
 *       fall in, so the minimum would always be 0 and the mean too low.)</li>
 *   <li>latency: each applied event's publish to its first application ({@link EventWaits}), as
 *       p50, p95, p99 and max; backlog: the events waiting, second by second, and their peak.</li>
 *   <li>max concurrency: most INVOKE intervals overlapping at one instant; for a run with
 *       CONCURRENCY samples (imported from CloudWatch), the largest sample.</li>
 *   <li>wasted invocations: INVOKE events whose batch id appears on no row.</li>
 *   <li>delivered share: completed / total events; below 1 when any event failed.</li>
 *   <li>limit utilisation: the average and the peak inserts per second over the same window,
 *       each divided by the limit; the peak above 1 means the limit was broken. They are kept
 *       apart from the delivered share, so no single number can hide lost events or a broken
 *       limit (README, "Metrics").</li>
 *   <li>cost: the cost estimator's total, and apart the part of it that pays for provisioned concurrency.</li>
 * </ul>
 */
public final class MetricsCalculator {

    /** Request-count key of runs saved before throttles were counted per second: those beyond the rows kept. */
    public static final String THROTTLES_NOT_RECORDED = "throttlesNotRecorded";


    private final CostEstimator costEstimator;

    public MetricsCalculator() {
        this(new CostModel());
    }

    public MetricsCalculator(CostEstimator costEstimator) {
        this.costEstimator = costEstimator;
    }

    public RunMetrics compute(RunData data) {
        RunRecord run = data.run();
        InvocationIntervals intervals = InvocationIntervals.of(data);
        EventWaits waits = EventWaits.of(data);
        PerSecondSeries series = PerSecondSeries.of(data, intervals, waits);

        EventIds completed = new EventIds();
        Set<String> batchesWithRows = new HashSet<>();
        long firstSent = Long.MAX_VALUE;
        long lastCompleted = Long.MIN_VALUE;
        long firstStarted = Long.MAX_VALUE;
        long lastStarted = Long.MIN_VALUE;
        for (InvocationRow row : data.invocations()) {
            completed.add(row.id());
            if (row.batchId() != null) {
                batchesWithRows.add(row.batchId());
            }
            if (RowTimes.sent(row) != RowTimes.NONE) {
                firstSent = Math.min(firstSent, Math.min(RowTimes.sent(row), RowTimes.started(row)));
                lastCompleted = Math.max(lastCompleted, RowTimes.completed(row));
                firstStarted = Math.min(firstStarted, RowTimes.started(row));
                lastStarted = Math.max(lastStarted, RowTimes.started(row));
            }
        }
        completed.seal();

        long throttles = data.run().requestCounts().getOrDefault(THROTTLES_NOT_RECORDED, 0L)
                + data.pipelineCounts().total(PipelineEventKind.THROTTLE);
        long redeliveries = data.pipelineCounts().total(PipelineEventKind.REDELIVERY);
        long shardRetries = data.pipelineCounts().total(PipelineEventKind.SHARD_RETRY);
        boolean kinesis = data.run().requestCounts().getOrDefault(CostModel.KINESIS_SHARDS, 0L) > 0;
        long onFailureRecords = 0;
        long wasted = 0;
        int sampledConcurrency = -1;
        EventIds deadLettered = new EventIds();
        for (PipelineEvent event : data.pipelineEvents()) {
            switch (event.kind()) {
                case THROTTLE -> throttles++;
                case REDELIVERY -> redeliveries++;
                case CONCURRENCY -> sampledConcurrency = Math.max(sampledConcurrency, event.batchSize());
                case INVOKE -> wasted += event.batchId() == null || !batchesWithRows.contains(event.batchId()) ? 1 : 0;
                case DLQ -> {
                    onFailureRecords += kinesis ? 1 : 0;
                    if (event.eventId() != null && !completed.contains(event.eventId())) {
                        deadLettered.add(event.eventId());
                    }
                }
                default -> { }
            }
        }
        deadLettered.seal();
        long lost = Math.max(0, run.totalEvents() - completed.size() - deadLettered.size());
        long failed = deadLettered.size() + lost;

        long takenMillis = firstSent <= lastCompleted ? lastCompleted - firstSent : 0;
        Cost cost = cost(data, intervals);
        StandingCharges standing = costEstimator.standingCharges(data);
        InsertRates rates = firstStarted <= lastStarted
                ? InsertRates.over(series, firstStarted, lastStarted, run.limitPerSecond())
                : InsertRates.NONE;

        return new RunMetrics(
                run.runId(),
                run.scenario(),
                run.mode(),
                run.totalEvents(),
                completed.size(),
                failed,
                Decimals.round(takenMillis / 1000.0, Decimals.TIME_PLACES),
                sampledConcurrency >= 0 ? sampledConcurrency : intervals.maxOverlap(),
                Decimals.round(rates.average(), Decimals.RATE_PLACES),
                rates.max(),
                rates.min(),
                rates.secondsOverLimit(),
                throttles,
                redeliveries,
                wasted,
                Decimals.round(cost.totalUsd(), Decimals.COST_PLACES),
                Decimals.round(cost.provisionedConcurrencyUsd(), Decimals.COST_PLACES),
                Decimals.round(standing.usdPerDay(), Decimals.COST_PLACES),
                Decimals.round(standing.usdPerMonth(), Decimals.COST_PLACES),
                Decimals.round(share(completed.size(), run.totalEvents()), Decimals.RATIO_PLACES),
                Decimals.round(share(rates.average(), run.limitPerSecond()), Decimals.RATIO_PLACES),
                Decimals.round(share(rates.max(), run.limitPerSecond()), Decimals.RATIO_PLACES),
                waits.latency(),
                Backlog.of(series),
                Decimals.round(maxIteratorAgeMillis(data) / 1000.0, Decimals.TIME_PLACES),
                onFailureRecords,
                shardRetries);
    }

    /** The largest of the once-a-second iterator age samples (the Kinesis pipeline's), 0 without any. */
    private static long maxIteratorAgeMillis(RunData data) {
        long[] max = {0};
        data.pipelineCounts().forEach((kind, second, count) -> {
            if (kind == PipelineEventKind.ITERATOR_AGE) {
                max[0] = Math.max(max[0], count);
            }
        });
        return max[0];
    }

    /** The total cost and the part of it that pays for provisioned concurrency. */
    private record Cost(double totalUsd, double provisionedConcurrencyUsd) {
    }

    private Cost cost(RunData data, InvocationIntervals intervals) {
        // The built-in model reuses the intervals already computed; any other estimator gets the rows.
        if (costEstimator instanceof CostModel model) {
            CostBreakdown breakdown = model.breakdown(data, intervals);
            return new Cost(breakdown.totalUsd(), breakdown.provisionedConcurrencyUsd());
        }
        return new Cost(costEstimator.costUsd(data), costEstimator.provisionedConcurrencyUsd(data));
    }

    /** {@code part / whole}, or 0 when there is no whole (no events, no limit). */
    static double share(double part, double whole) {
        return whole > 0 ? part / whole : 0;
    }

    /** Inserts per second over the run's window of whole seconds. */
    record InsertRates(double average, long max, long min, long secondsOverLimit) {

        static final InsertRates NONE = new InsertRates(0, 0, 0, 0);

        static InsertRates over(PerSecondSeries series, long firstMillis, long lastMillis, int limitPerSecond) {
            long start = RowTimes.secondOf(firstMillis) - series.startEpochSecond();
            long end = RowTimes.secondOf(lastMillis) - series.startEpochSecond();
            long[] perSecond = series.inserts((int) start, (int) end);
            long total = 0;
            long max = 0;
            long min = Long.MAX_VALUE;
            long over = 0;
            for (long inserts : perSecond) {
                total += inserts;
                max = Math.max(max, inserts);
                min = Math.min(min, inserts);
                over += limitPerSecond > 0 && inserts > limitPerSecond ? 1 : 0;
            }
            return new InsertRates((double) total / perSecond.length, max, min, over);
        }
    }
}
