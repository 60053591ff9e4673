package io.streamlimit.consumer;

/**
 * One message of a consumer invocation as the pipeline delivered it: its id and its body, and from
 * a FIFO queue its message group (the uid) and deduplication id (the event's identity); those are
 * null elsewhere.
 */
public record InboundMessage(String messageId, String body, String messageGroupId, String deduplicationId) {

    /** A message of a standard queue, a topic or a stream: no group, no deduplication id. */
    public InboundMessage(String messageId, String body) {
        this(messageId, body, null, null);
    }

    /** This message with the FIFO queue's group and deduplication id it was delivered with. */
    public InboundMessage withFifo(String group, String deduplication) {
        return new InboundMessage(messageId, body, group, deduplication);
    }
}
