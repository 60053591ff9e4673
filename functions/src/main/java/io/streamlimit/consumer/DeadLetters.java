package io.streamlimit.consumer;

/**
 * Where the consumer puts a message that can never become an event (not JSON, an unknown type, a
 * malformed field), at once and with its reason, instead of failing it: a failed message would be
 * received again every visibility timeout until the queue's redrive moved it, without the reason.
 */
public interface DeadLetters {

    /** The reason of a dead-lettered message, as an SQS message attribute. */
    String REASON_ATTRIBUTE = "reason";

    /** No dead-letter queue configured: a message that cannot be parsed fails and is redelivered, as before. */
    DeadLetters NONE = (message, reason) -> false;

    /**
     * @return true once the message is in the dead-letter queue (the pipeline may then delete the
     *     original); false when there is no such queue
     * @throws RuntimeException when it could not be sent: the message then fails, so nothing is lost
     */
    boolean send(InboundMessage message, String reason);
}
