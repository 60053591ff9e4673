package io.streamlimit.local.sns;

import java.time.Instant;

/**
 * One message accepted by the topic, on its way to every subscriber. From a FIFO topic it carries
 * its message group, deduplication id and sequence number, which SNS passes on to a FIFO queue;
 * from a standard topic those are null.
 */
public record SnsNotification(String messageId, String topicArn, String message, Instant timestamp,
        String messageGroupId, String deduplicationId, String sequenceNumber) {

    /** A notification of a standard topic. */
    public SnsNotification(String messageId, String topicArn, String message, Instant timestamp) {
        this(messageId, topicArn, message, timestamp, null, null, null);
    }
}
