package io.streamlimit.local.run;

import io.streamlimit.local.lambda.KinesisMappingObserver;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.streamlimit.local.lambda.AsyncObserver;
import io.streamlimit.local.lambda.LambdaObserver;
import io.streamlimit.local.lambda.MappingObserver;
import io.streamlimit.metrics.CostModel;
import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.PipelineCounts;
import io.streamlimit.results.PipelineEvent;
import io.streamlimit.results.PipelineEventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything one local run records, from many threads: the downstream's rows, what Lambda, the
 * event source mapping and the async queue did, and the billable requests. Also answers the
 * progress questions: how many events completed, how many reached the DLQ.
 */
public final class RunRecorder implements LambdaObserver, MappingObserver, AsyncObserver<SNSEvent>, KinesisMappingObserver {

    private final String runId;
    private final ConcurrentLinkedQueue<InvocationRow> rows = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<PipelineEvent> events = new ConcurrentLinkedQueue<>();
    private final Set<Long> completed = ConcurrentHashMap.newKeySet();
    private final Set<Long> deadLettered = ConcurrentHashMap.newKeySet();
    // An event can both complete and reach the DLQ (a copy redelivered before its delete landed):
    // the run is over when every event is in one or the other, counted once.
    private final Set<Long> resolved = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> requestCounts = new ConcurrentHashMap<>();
    private final AtomicLong throttles = new AtomicLong();
    // Throttles and redeliveries are counted per second, as in every mode (the pipeline_counts table).
    private final PipelineCounts.Builder counts = new PipelineCounts.Builder();

    public RunRecorder(String runId) {
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }

    /** The downstream accepted a call. */
    public void row(InvocationRow row) {
        rows.add(row);
        completed.add(row.id());
        resolved.add(row.id());
        count("dynamoWriteUnits", 1);
    }

    public void count(String request, long n) {
        requestCounts.computeIfAbsent(request, k -> new AtomicLong()).addAndGet(n);
    }

    /** An event reached the dead-letter queue (seen by the DLQ watcher or the async queue). */
    public void deadLettered(long seq, Instant at) {
        if (seq >= 0) {
            resolved.add(seq);
        }
        if (seq >= 0 && deadLettered.add(seq)) {
            events.add(new PipelineEvent(runId, at, PipelineEventKind.DLQ, seq, null, null, 0, 0));
        }
    }

    @Override
    public void coldStart(String environmentId, Instant at, long initMillis) {
        events.add(new PipelineEvent(runId, at, PipelineEventKind.COLD_START, null, null, environmentId, initMillis, 0));
    }

    @Override
    public void throttled(Instant at, int batchSize) {
        throttles.incrementAndGet();
        count(PipelineEventKind.THROTTLE, at);
    }

    @Override
    public void invoked(String requestId, String environmentId, Instant startedAt, long durationMillis, int batchSize) {
        count("lambdaInvocations", 1);
        events.add(new PipelineEvent(runId, startedAt, PipelineEventKind.INVOKE, null, requestId, environmentId, durationMillis, batchSize));
    }

    @Override
    public void ranOnProvisioned(String requestId, long durationMillis) {
        count(CostModel.LAMBDA_PROVISIONED_BILLED_MILLIS, durationMillis);
    }

    @Override
    public void timedOut(String requestId, String environmentId, Instant at) {
        events.add(new PipelineEvent(runId, at, PipelineEventKind.TIMEOUT, null, requestId, environmentId, 0, 0));
    }

    @Override
    public void redelivered(String body, int receiveCount, Instant at) {
        count(PipelineEventKind.REDELIVERY, at);
    }

    @Override
    public void sqsRequests(int n) {
        count("sqsRequests", n);
    }

    @Override
    public void retried(SNSEvent event, int attempt, Instant at) {
        for (int i = 0; i < event.getRecords().size(); i++) {
            count(PipelineEventKind.REDELIVERY, at);
        }
    }

    @Override
    public void deadLettered(SNSEvent event, String reason, Instant at) {
        for (SNSEvent.SNSRecord record : event.getRecords()) {
            deadLettered(EventSeq.of(record.getSNS().getMessage()), at);
        }
    }

    @Override
    public void blockingRetry(String shardId, int batchSize, Instant at) {
        count(PipelineEventKind.SHARD_RETRY, at);
    }

    /** The producer's put was refused by a shard's write limits; it retries. */
    public void putThrottled(Instant at) {
        count("kinesisPutThrottles", 1);
        count(PipelineEventKind.PUT_THROTTLE, at);
    }

    /** The stream's iterator age at {@code at}, sampled once a second (the second's count is the age in ms). */
    public void iteratorAgeSample(long ageMillis, Instant at) {
        synchronized (counts) {
            counts.addAtSecond(PipelineEventKind.ITERATOR_AGE, at.getEpochSecond(), ageMillis);
        }
    }

    @Override
    public void discarded(String shardId, List<String> data, String reason, Instant at) {
        count("sqsRequests", 1); // the on-failure destination gets one message with the batch's metadata
        for (String body : data) {
            deadLettered(EventSeq.of(body), at);
        }
    }

    @Override
    public void kinesisRequests(int n) {
        count("kinesisReads", n);
    }

    private void count(PipelineEventKind kind, Instant at) {
        synchronized (counts) {
            counts.add(kind, at.toEpochMilli());
        }
    }

    public int completedEvents() {
        return completed.size();
    }

    public int deadLetteredEvents() {
        return deadLettered.size();
    }

    /** Distinct events that completed or reached the DLQ. */
    public int resolvedEvents() {
        return resolved.size();
    }

    public long throttles() {
        return throttles.get();
    }

    public List<InvocationRow> rows() {
        return new ArrayList<>(rows);
    }

    public List<PipelineEvent> pipelineEvents() {
        return new ArrayList<>(events);
    }

    /** Throttles and redeliveries per second so far. */
    public PipelineCounts pipelineCounts() {
        synchronized (counts) {
            return counts.build();
        }
    }

    public Map<String, Long> requestCounts() {
        Map<String, Long> counts = new TreeMap<>();
        requestCounts.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }
}
