package io.streamlimit.producer;

import io.streamlimit.event.EventWriter;
import io.streamlimit.event.StreamEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * Publishes to an SNS topic with PublishBatch, 10 events per call (the API's maximum), with up to
 * {@code parallelism} calls in flight. PublishBatch can fail some entries and succeed others;
 * failed entries the service marks as its own fault are retried, then the publish fails.
 *
 * <p>A FIFO topic (its ARN ends in {@code .fifo}) takes each event with {@code MessageGroupId} =
 * its uid and {@code MessageDeduplicationId} = {@code type:streamId}, the event's identity (the
 * ledger's idempotency key), as the CDK app's publish route sends them; its batches go one at a
 * time, in order, since a FIFO topic keeps a group's order only as it receives it.
 */
public final class SnsEventPublisher implements EventPublisher {

    /** PublishBatch takes at most 10 entries. */
    public static final int BATCH_SIZE = 10;
    /** Calls per batch, the first included. */
    static final int MAX_ATTEMPTS = 4;
    /** The producer keeps 50 publishes in flight: 5 batches of 10 (PublishBatch's maximum). */
    public static final int DEFAULT_PARALLELISM = 5;

    private final SnsClient sns;
    private final String topicArn;
    private final int parallelism;
    private final boolean fifo;

    public SnsEventPublisher(SnsClient sns, String topicArn) {
        this(sns, topicArn, DEFAULT_PARALLELISM);
    }

    public SnsEventPublisher(SnsClient sns, String topicArn, int parallelism) {
        this.sns = Objects.requireNonNull(sns, "sns");
        this.topicArn = Objects.requireNonNull(topicArn, "topicArn");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.fifo = topicArn.endsWith(".fifo");
        this.parallelism = fifo ? 1 : parallelism;
    }

    /** The deduplication id of {@code event} on a FIFO topic: its type and stream, {@code open:s-1}. */
    static String deduplicationId(StreamEvent event) {
        return event.type().wireName() + ":" + event.streamId();
    }

    @Override
    public void publish(List<StreamEvent> events) {
        List<List<StreamEvent>> batches = new ArrayList<>();
        for (int i = 0; i < events.size(); i += BATCH_SIZE) {
            batches.add(events.subList(i, Math.min(events.size(), i + BATCH_SIZE)));
        }
        if (batches.size() <= 1 || parallelism == 1) {
            batches.forEach(this::publishBatch);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, batches.size()));
        try {
            List<Future<?>> pending = new ArrayList<>();
            for (List<StreamEvent> batch : batches) {
                pending.add(pool.submit(() -> publishBatch(batch)));
            }
            for (Future<?> future : pending) {
                await(future);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void publishBatch(List<StreamEvent> batch) {
        // In the batch's order: a FIFO topic orders a group's messages as a batch lists them.
        Map<String, PublishBatchRequestEntry> pending = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            String id = Integer.toString(i);
            StreamEvent event = batch.get(i);
            PublishBatchRequestEntry.Builder entry = PublishBatchRequestEntry.builder().id(id).message(EventWriter.toJson(event));
            if (fifo) {
                entry.messageGroupId(event.uid()).messageDeduplicationId(deduplicationId(event));
            }
            pending.put(id, entry.build());
        }
        for (int attempt = 1; ; attempt++) {
            PublishBatchResponse response;
            try {
                response = sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(pending.values()));
            } catch (SdkException e) {
                // The SDK has already retried throttling and 5xx; what reaches here is final.
                throw new PublishFailedException("PublishBatch to " + topicArn + " failed: " + e.getMessage(), e);
            }
            response.successful().forEach(ok -> pending.remove(ok.id()));
            if (pending.isEmpty()) {
                return;
            }
            List<BatchResultErrorEntry> failed = response.failed();
            boolean retryable = failed.stream().noneMatch(f -> Boolean.TRUE.equals(f.senderFault()));
            if (!retryable || attempt == MAX_ATTEMPTS) {
                BatchResultErrorEntry first = failed.isEmpty() ? null : failed.get(0);
                throw new PublishFailedException(pending.size() + " of " + batch.size() + " events not published to "
                        + topicArn + " after " + attempt + " attempts"
                        + (first == null ? "" : "; first error: " + first.code() + " " + first.message()));
            }
            LockSupport.parkNanos(50_000_000L * attempt);
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while publishing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PublishFailedException failed) {
                throw failed;
            }
            throw new PublishFailedException("publishing failed: " + e.getCause(), e.getCause());
        }
    }
}
