package io.streamlimit.metrics;

import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.PipelineCounts;
import io.streamlimit.results.PipelineEvent;
import io.streamlimit.results.RunData;
import java.time.Instant;
import java.util.Arrays;

/**
 * A run second by second, from the first second anything happened to the last: DB inserts
 * (rows by the second of {@code started_at}), busy instances (the peak number of invocations
 * running at once within the second), throttles, DLQ arrivals and redeliveries (by the second of
 * their event, or their per-second counts), the backlog (the most events waiting, published and not yet
 * applied, at any instant within the second) and the events applied by the end of each second. The metrics,
 * the HTML report and the dashboard tests all read this.
 */
public final class PerSecondSeries {

    /** Refuses absurd spans (a zero timestamp among real ones) rather than allocating gigabytes. */
    static final long MAX_SECONDS = 50_000_000L;

    private final long startEpochSecond;
    private final int limitPerSecond;
    private final long[] inserts;
    private final long[] busyInstances;
    private final long[] throttles;
    private final long[] dlqArrivals;
    private final long[] redeliveries;
    private final long[] iteratorAgeMillis;
    private final long[] shardRetries;
    private boolean kinesis;
    private final long[] backlog;
    private final long[] appliedByEnd;
    private final long totalEvents;

    private PerSecondSeries(long startEpochSecond, int length, int limitPerSecond, long totalEvents) {
        this.startEpochSecond = startEpochSecond;
        this.limitPerSecond = limitPerSecond;
        this.inserts = new long[length];
        this.busyInstances = new long[length];
        this.throttles = new long[length];
        this.dlqArrivals = new long[length];
        this.redeliveries = new long[length];
        this.iteratorAgeMillis = new long[length];
        this.shardRetries = new long[length];
        this.backlog = new long[length];
        this.appliedByEnd = new long[length];
        this.totalEvents = totalEvents;
    }

    public static PerSecondSeries of(RunData data) {
        return of(data, InvocationIntervals.of(data), EventWaits.of(data));
    }

    static PerSecondSeries of(RunData data, InvocationIntervals intervals, EventWaits waits) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (InvocationRow row : data.invocations()) {
            long sent = RowTimes.sent(row);
            if (sent != RowTimes.NONE) {
                first = Math.min(first, Math.min(sent, RowTimes.started(row)));
                last = Math.max(last, Math.max(RowTimes.started(row), RowTimes.completed(row)));
            }
        }
        for (PipelineEvent event : data.pipelineEvents()) {
            if (event.at() != null) {
                first = Math.min(first, event.at().toEpochMilli());
                last = Math.max(last, event.at().toEpochMilli());
            }
        }
        PipelineCounts counts = data.pipelineCounts();
        if (!counts.isEmpty()) {
            first = Math.min(first, counts.firstSecond() * 1000L);
            last = Math.max(last, counts.lastSecond() * 1000L);
        }
        if (!intervals.isEmpty()) {
            first = Math.min(first, intervals.firstStart());
            last = Math.max(last, intervals.lastEnd() - 1); // the end instant itself is not busy
        }
        int limit = data.run().limitPerSecond();
        if (first > last) {
            return new PerSecondSeries(0, 0, limit, data.run().totalEvents());
        }
        long start = RowTimes.secondOf(first);
        long length = RowTimes.secondOf(last) - start + 1;
        if (length > MAX_SECONDS) {
            throw new IllegalArgumentException("run " + data.run().runId() + " spans " + length
                    + " seconds, more than " + MAX_SECONDS + ": is a timestamp missing or zero?");
        }
        PerSecondSeries series = new PerSecondSeries(start, (int) length, limit, data.run().totalEvents());
        series.fill(data, intervals);
        series.fillWaits(waits);
        return series;
    }

    private void fill(RunData data, InvocationIntervals intervals) {
        for (InvocationRow row : data.invocations()) {
            long started = RowTimes.started(row);
            if (started != RowTimes.NONE) {
                inserts[index(started)]++;
            }
        }
        for (PipelineEvent event : data.pipelineEvents()) {
            if (event.at() == null) {
                continue;
            }
            switch (event.kind()) {
                case THROTTLE -> throttles[index(event.at().toEpochMilli())]++;
                case DLQ -> dlqArrivals[index(event.at().toEpochMilli())]++;
                case REDELIVERY -> redeliveries[index(event.at().toEpochMilli())]++;
                default -> { }
            }
        }
        data.pipelineCounts().forEach((kind, second, count) -> {
            int i = (int) (second - startEpochSecond);
            switch (kind) {
                case THROTTLE -> throttles[i] += count;
                case REDELIVERY -> redeliveries[i] += count;
                case DLQ -> dlqArrivals[i] += count;
                case ITERATOR_AGE -> {
                    iteratorAgeMillis[i] = Math.max(iteratorAgeMillis[i], count);
                    kinesis = true;
                }
                case SHARD_RETRY -> {
                    shardRetries[i] += count;
                    kinesis = true;
                }
                default -> { }
            }
        });
        intervals.sweep((from, to, level) -> {
            for (int s = index(from), last = index(to - 1); s <= last; s++) {
                busyInstances[s] = Math.max(busyInstances[s], level);
            }
        });
    }

    private void fillWaits(EventWaits waits) {
        waits.intervals().sweep((from, to, level) -> {
            for (int s = index(from), last = index(to - 1); s <= last; s++) {
                backlog[s] = Math.max(backlog[s], level);
            }
        });
        for (long applied : waits.appliedSorted()) {
            appliedByEnd[index(applied)]++;
        }
        for (int s = 1; s < appliedByEnd.length; s++) {
            appliedByEnd[s] += appliedByEnd[s - 1];
        }
    }

    private int index(long epochMillis) {
        return (int) (RowTimes.secondOf(epochMillis) - startEpochSecond);
    }

    /** How many seconds the series covers. */
    public int length() {
        return inserts.length;
    }

    /** The epoch second of index 0. */
    public long startEpochSecond() {
        return startEpochSecond;
    }

    public Instant start() {
        return Instant.ofEpochSecond(startEpochSecond);
    }

    /** The index of the second holding the given instant (may be outside 0..length-1). */
    public int indexOf(Instant instant) {
        return index(instant.toEpochMilli());
    }

    /** The downstream's limit, in inserts per second (0: none). */
    public int limitPerSecond() {
        return limitPerSecond;
    }

    public long[] inserts() {
        return inserts.clone();
    }

    public long[] busyInstances() {
        return busyInstances.clone();
    }

    public long[] throttles() {
        return throttles.clone();
    }

    public long[] dlqArrivals() {
        return dlqArrivals.clone();
    }

    /** The Kinesis stream's iterator age each second, in milliseconds (0 on other pipelines). */
    public long[] iteratorAgeMillis() {
        return iteratorAgeMillis.clone();
    }

    /** Kinesis batches retried each second, each blocking its shard's partition keys. */
    public long[] shardRetries() {
        return shardRetries.clone();
    }

    /** True when the run recorded a Kinesis stream's iterator age or shard retries. */
    public boolean hasKinesis() {
        return kinesis;
    }

    public long[] redeliveries() {
        return redeliveries.clone();
    }

    /** The most events waiting (published, not yet applied) at any instant of each second. */
    public long[] backlog() {
        return backlog.clone();
    }

    /** Distinct events applied by the end of each second (a running total). */
    public long[] appliedByEnd() {
        return appliedByEnd.clone();
    }

    /** The events the producer published: what {@link #appliedByEnd} reaches when none failed. */
    public long totalEvents() {
        return totalEvents;
    }

    /** Inserts per second over [fromIndex, toIndex], both included; used for the metrics' window. */
    long[] inserts(int fromIndex, int toIndex) {
        return Arrays.copyOfRange(inserts, fromIndex, toIndex + 1);
    }
}
