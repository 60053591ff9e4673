package io.streamlimit.sim.internal;

import io.streamlimit.metrics.CostModel;
import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.PipelineCounts;
import io.streamlimit.results.PipelineEvent;
import io.streamlimit.results.PipelineEventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes down what the modelled services did: the rows and pipeline events a run stores, and the
 * billable request counts the rows do not show. Times arrive as virtual milliseconds and leave as
 * instants from a fixed epoch.
 */
public final class Recorder {

    private final String runId;
    private final String groupId;
    private final long epochMillis;
    private final List<InvocationRow> rows = new ArrayList<>();
    private final List<PipelineEvent> events = new ArrayList<>();
    // Throttles and redeliveries, one per poller retry or receive, are only counted per second:
    // a throttle-bound run makes thousands a virtual second.
    private final PipelineCounts.Builder counts = new PipelineCounts.Builder();

    long sqsReceives;
    long sqsEmptyReceives;
    long sqsDeletes;
    long sqsSends;
    long snsPublishes;
    /** The FIFO pipeline: its requests are priced as FIFO ones, and its topic bills payload. */
    boolean fifo;
    long kinesisPuts;
    long kinesisPayloadUnits;
    long kinesisPutThrottles;
    long shardRetries;
    int kinesisShards;
    long lambdaInvocations;
    long lambdaBilledMillis;
    long lambdaProvisionedBilledMillis;
    int provisionedConcurrency;
    private int minimumPollers;
    private long pollerMillisAboveMinimum;
    long throttles;
    long redeliveries;
    long timeouts;
    long coldStarts;
    long wastedInvocations;
    long duplicates;
    private int running;
    private int maxRunning;
    private long firstRowStart = Long.MAX_VALUE;
    private long lastCompletion = Long.MIN_VALUE;

    Recorder(String runId, String groupId, Instant epoch) {
        this.runId = runId;
        this.groupId = groupId;
        this.epochMillis = epoch.toEpochMilli();
    }

    Instant instant(long virtualMillis) {
        return Instant.ofEpochMilli(epochMillis + virtualMillis);
    }

    void row(int eventId, long sentAt, long startedAt, long completedAt, String batchId, String cacheId) {
        rows.add(new InvocationRow(runId, eventId, instant(sentAt), instant(startedAt), instant(completedAt),
                groupId, batchId, cacheId));
        firstRowStart = Math.min(firstRowStart, startedAt);
        lastCompletion = Math.max(lastCompletion, completedAt);
    }

    void invocationStarted(long at, String batchId, String cacheId, long durationMillis, int batchSize,
                           boolean provisioned) {
        lambdaInvocations++;
        lambdaBilledMillis += durationMillis;
        if (provisioned) {
            lambdaProvisionedBilledMillis += durationMillis;
        }
        running++;
        maxRunning = Math.max(maxRunning, running);
        event(at, PipelineEventKind.INVOKE, null, batchId, cacheId, durationMillis, batchSize);
    }

    void invocationEnded() {
        running--;
    }

    void throttle(long at, Integer eventId, int batchSize) {
        throttles++;
        counts.add(PipelineEventKind.THROTTLE, epochMillis + at);
    }

    void redelivery(long at, int eventId) {
        redeliveries++;
        counts.add(PipelineEventKind.REDELIVERY, epochMillis + at);
    }

    void kinesisPutThrottle(long at) {
        kinesisPutThrottles++;
        counts.add(PipelineEventKind.PUT_THROTTLE, epochMillis + at);
    }

    void shardRetry(long at) {
        shardRetries++;
        counts.add(PipelineEventKind.SHARD_RETRY, epochMillis + at);
    }

    /** One sample a second: the count of the second is the age in milliseconds. */
    void iteratorAge(long at, long ageMillis) {
        counts.addAtSecond(PipelineEventKind.ITERATOR_AGE, Math.floorDiv(epochMillis + at, 1_000L), ageMillis);
    }

    void deadLetter(long at, int eventId) {
        event(at, PipelineEventKind.DLQ, (long) eventId, null, null, 0, 0);
    }

    void timeout(long at, String batchId, String cacheId, long durationMillis, int batchSize) {
        timeouts++;
        event(at, PipelineEventKind.TIMEOUT, null, batchId, cacheId, durationMillis, batchSize);
    }

    void coldStart(long at, String cacheId, long initMillis) {
        coldStarts++;
        event(at, PipelineEventKind.COLD_START, null, null, cacheId, initMillis, 0);
    }

    private void event(long at, PipelineEventKind kind, Long eventId, String batchId, String cacheId,
                       long durationMillis, int batchSize) {
        events.add(new PipelineEvent(runId, instant(at), kind, eventId, batchId, cacheId, durationMillis, batchSize));
    }

    List<InvocationRow> rows() {
        return rows;
    }

    List<PipelineEvent> events() {
        return events;
    }

    PipelineCounts counts() {
        return counts.build();
    }

    /** Seconds of counts held: what the recorder's memory grows with besides events. */
    long secondsHeld() {
        return counts.secondsHeld();
    }

    int maxRunning() {
        return maxRunning;
    }

    /** Start of the earliest accepted call, or -1 when none. */
    long firstRowStart() {
        return rows.isEmpty() ? -1 : firstRowStart;
    }

    /** End of the latest accepted call, or -1 when none. */
    long lastCompletion() {
        return rows.isEmpty() ? -1 : lastCompletion;
    }

    /** The mapping's provisioned pollers so far: the minimum, and the poller-time above it. */
    void pollers(int minimum, long millisAboveMinimum) {
        minimumPollers = minimum;
        pollerMillisAboveMinimum = millisAboveMinimum;
    }

    /** Billable requests by service, in a fixed order. */
    Map<String, Long> requestCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("sqsRequests", sqsReceives + sqsDeletes + sqsSends);
        counts.put("sqsReceives", sqsReceives);
        counts.put("sqsEmptyReceives", sqsEmptyReceives);
        counts.put("sqsDeletes", sqsDeletes);
        counts.put("sqsSends", sqsSends);
        // The event source mapping never changes visibility: a failed or throttled batch simply
        // waits out its timeout. Kept so every mode reports the same keys.
        counts.put("sqsVisibilityChanges", 0L);
        counts.put("snsPublishes", snsPublishes);
        if (fifo) {
            // Only on the FIFO pipeline, so that other runs keep the keys they had.
            counts.put(CostModel.FIFO_PIPELINE, 1L);
            counts.put(CostModel.SNS_PAYLOAD_BYTES, snsPublishes * SnsTopic.EVENT_BYTES);
        }
        if (kinesisShards > 0) {
            // Only on the Kinesis pipeline, so that other runs keep the keys they had.
            counts.put(CostModel.KINESIS_SHARDS, (long) kinesisShards);
            counts.put(CostModel.KINESIS_PUTS, kinesisPuts);
            counts.put(CostModel.KINESIS_PAYLOAD_UNITS, kinesisPayloadUnits);
            counts.put("kinesisPutThrottles", kinesisPutThrottles);
        }
        counts.put("lambdaInvocations", lambdaInvocations);
        counts.put("lambdaBilledMillis", lambdaBilledMillis);
        counts.put("dynamoWriteUnits", (long) rows.size());
        if (provisionedConcurrency > 0) {
            // Only with provisioned concurrency, so that runs without it keep the keys they had.
            counts.put(CostModel.PROVISIONED_CONCURRENCY, (long) provisionedConcurrency);
            counts.put(CostModel.LAMBDA_PROVISIONED_BILLED_MILLIS, lambdaProvisionedBilledMillis);
        }
        if (minimumPollers > 0) {
            // Only in provisioned mode, so that runs in standard mode keep the keys they had.
            counts.put(CostModel.MINIMUM_POLLERS, (long) minimumPollers);
            counts.put(CostModel.POLLER_MILLIS_ABOVE_MINIMUM, pollerMillisAboveMinimum);
        }
        return counts;
    }
}
