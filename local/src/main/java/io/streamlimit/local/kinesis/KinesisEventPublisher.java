package io.streamlimit.local.kinesis;

import io.streamlimit.event.EventWriter;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.producer.EventPublisher;
import io.streamlimit.producer.PublishFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Puts events into a Kinesis stream with PutRecords, as the API Gateway proxy of the
 * {@code api-kinesis-lambda} pipeline does: each event's JSON is a record's data, its {@code uid}
 * the partition key, so one viewer's events land on one shard, in order. PutRecords can refuse
 * some entries (a shard's write limit); those are put again, in order, then the publish fails.
 */
public final class KinesisEventPublisher implements EventPublisher {

    /** PutRecords takes at most 500 entries. */
    public static final int MAX_ENTRIES = 500;
    /** Calls per batch, the first included. */
    static final int MAX_ATTEMPTS = 4;

    /** The per-record error code of a shard over its write limits (PutRecordsResultEntry). */
    public static final String THROTTLED = "ProvisionedThroughputExceededException";
    /** The account id kinesis-local reports (its default). */
    static final String LOCAL_ACCOUNT = "000000000000";

    private final KinesisClient kinesis;
    private final String streamName;
    private final ShardWriteLimits limits;

    /** Without write limits of its own: what kinesis-local takes. */
    public KinesisEventPublisher(KinesisClient kinesis, String streamName) {
        this(kinesis, streamName, ShardWriteLimits.NONE);
    }

    /** @param limits each record waits for its shard's write limits before it is put */
    public KinesisEventPublisher(KinesisClient kinesis, String streamName, ShardWriteLimits limits) {
        this.kinesis = Objects.requireNonNull(kinesis, "kinesis");
        this.streamName = Objects.requireNonNull(streamName, "streamName");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public void publish(List<StreamEvent> events) {
        for (int i = 0; i < events.size(); i += MAX_ENTRIES) {
            put(events.subList(i, Math.min(events.size(), i + MAX_ENTRIES)));
        }
    }

    /**
     * One PutRecords as API Gateway's integration makes it, for {@code POST /records}: each record
     * tries its shard's write limits once; a refused one is not put and comes back as Kinesis
     * reports it (ErrorCode ProvisionedThroughputExceededException, a message naming the shard,
     * stream and account), the others are put in order. Nothing is retried: the caller sees the
     * per-record results and retries the failed ones. Results are in the order of {@code events}.
     */
    public List<PutRecordsResultEntry> putOnce(List<StreamEvent> events) {
        if (events.isEmpty() || events.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("events: PutRecords takes 1 to " + MAX_ENTRIES + ", got " + events.size());
        }
        PutRecordsResultEntry[] results = new PutRecordsResultEntry[events.size()];
        List<PutRecordsRequestEntry> admitted = new ArrayList<>(events.size());
        List<Integer> admittedAt = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            StreamEvent event = events.get(i);
            SdkBytes data = SdkBytes.fromUtf8String(EventWriter.toJson(event));
            if (limits.tryAdmit(event.uid(), data.asByteArrayUnsafe().length)) {
                admitted.add(PutRecordsRequestEntry.builder().partitionKey(event.uid()).data(data).build());
                admittedAt.add(i);
            } else {
                results[i] = PutRecordsResultEntry.builder().errorCode(THROTTLED)
                        .errorMessage("Rate exceeded for shard " + shardId(limits.shardOf(event.uid())) + " in stream "
                                + streamName + " under account " + LOCAL_ACCOUNT + ".")
                        .build();
            }
        }
        if (!admitted.isEmpty()) {
            PutRecordsResponse response;
            try {
                response = kinesis.putRecords(b -> b.streamName(streamName).records(admitted));
            } catch (SdkException e) {
                throw new PublishFailedException("PutRecords to " + streamName + " failed: " + e.getMessage(), e);
            }
            for (int j = 0; j < admitted.size(); j++) {
                results[admittedAt.get(j)] = response.records().get(j);
            }
        }
        return List.of(results);
    }

    /** Kinesis's shard id for shard {@code index}, as CreateStream names them. */
    static String shardId(int index) {
        return String.format("shardId-%012d", index);
    }

    private void put(List<StreamEvent> batch) {
        List<PutRecordsRequestEntry> pending = new ArrayList<>(batch.size());
        for (StreamEvent event : batch) {
            SdkBytes data = SdkBytes.fromUtf8String(EventWriter.toJson(event));
            try {
                limits.awaitAdmission(event.uid(), data.asByteArrayUnsafe().length);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishFailedException("interrupted while a put waited for its shard's write limits", e);
            }
            pending.add(PutRecordsRequestEntry.builder().partitionKey(event.uid()).data(data).build());
        }
        for (int attempt = 1; ; attempt++) {
            PutRecordsResponse response;
            List<PutRecordsRequestEntry> sent = pending;
            try {
                response = kinesis.putRecords(b -> b.streamName(streamName).records(sent));
            } catch (SdkException e) {
                throw new PublishFailedException("PutRecords to " + streamName + " failed: " + e.getMessage(), e);
            }
            if (response.failedRecordCount() == null || response.failedRecordCount() == 0) {
                return;
            }
            List<PutRecordsRequestEntry> failed = new ArrayList<>();
            PutRecordsResultEntry firstError = null;
            for (int i = 0; i < sent.size(); i++) {
                PutRecordsResultEntry result = response.records().get(i);
                if (result.errorCode() != null) {
                    failed.add(sent.get(i));
                    firstError = firstError == null ? result : firstError;
                }
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new PublishFailedException(failed.size() + " of " + batch.size() + " events not put into "
                        + streamName + " after " + attempt + " attempts; first error: " + firstError.errorCode() + " "
                        + firstError.errorMessage());
            }
            pending = failed;
            LockSupport.parkNanos(50_000_000L * attempt);
        }
    }
}
