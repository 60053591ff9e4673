package io.streamlimit.local.run;

import io.streamlimit.event.EventWriter;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.producer.EventPublisher;
import io.streamlimit.producer.PublishFailedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * Publishes to an SNS FIFO topic: {@code MessageGroupId} is the event's uid, so each viewer's
 * events stay in order, and the deduplication id is the event's identity (type, uid, stream), so a
 * copy published within the deduplication interval is dropped by SNS. Batches go one after
 * another, never side by side: the topic orders a group's messages as it accepts them. A failed
 * entry is not retried behind later ones, which would reorder its group; the publish fails.
 */
public final class FifoEventPublisher implements EventPublisher {

    private static final int BATCH_SIZE = 10;

    private final SnsClient sns;
    private final String topicArn;

    public FifoEventPublisher(SnsClient sns, String topicArn) {
        this.sns = Objects.requireNonNull(sns, "sns");
        this.topicArn = Objects.requireNonNull(topicArn, "topicArn");
    }

    /** The event's identity as a deduplication id: 64 hex characters, within SNS's 128 and its alphabet. */
    public static String deduplicationId(StreamEvent event) {
        String identity = event.type().wireName() + "\n" + event.uid() + "\n" + event.streamId();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The bytes of the events' messages, which a FIFO topic bills as payload. */
    public static long payloadBytes(List<StreamEvent> events) {
        long bytes = 0;
        for (StreamEvent event : events) {
            bytes += EventWriter.toJson(event).getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }

    @Override
    public void publish(List<StreamEvent> events) {
        for (int from = 0; from < events.size(); from += BATCH_SIZE) {
            List<StreamEvent> batch = events.subList(from, Math.min(events.size(), from + BATCH_SIZE));
            List<PublishBatchRequestEntry> entries = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                StreamEvent event = batch.get(i);
                entries.add(PublishBatchRequestEntry.builder().id(Integer.toString(i)).message(EventWriter.toJson(event))
                        .messageGroupId(event.uid()).messageDeduplicationId(deduplicationId(event)).build());
            }
            PublishBatchResponse response;
            try {
                response = sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(entries));
            } catch (SdkException e) {
                throw new PublishFailedException("PublishBatch to " + topicArn + " failed: " + e.getMessage(), e);
            }
            if (!response.failed().isEmpty()) {
                throw new PublishFailedException(response.failed().size() + " of " + batch.size() + " events not published to "
                        + topicArn + "; first error: " + response.failed().get(0).code() + " " + response.failed().get(0).message());
            }
        }
    }
}
