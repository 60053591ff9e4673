package io.streamlimit.local.sns;

/**
 * One message of a Publish or PublishBatch call: its text and, for a FIFO topic, its message group
 * and deduplication id (null when not given).
 */
public record SnsPublication(SnsMessage message, String messageGroupId, String deduplicationId) {

    /** A message for a standard topic. */
    public static SnsPublication of(SnsMessage message) {
        return new SnsPublication(message, null, null);
    }
}
