package io.streamlimit.consumer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * The pipeline's SQS dead-letter queue: the message's body as delivered, with its reason and its
 * original message id as message attributes.
 *
 * <p>A FIFO dead-letter queue (its name ends with {@code .fifo}) takes a message group and, without
 * content-based deduplication, a deduplication id on every send
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html). The
 * group is the one the message came with, the uid, so a viewer's dead letters keep their order;
 * the deduplication id is the event's identity (the message's own deduplication id) with the
 * reason, so a redelivered copy sent again within 5 minutes is dropped by SQS.
 */
public final class SqsDeadLetters implements DeadLetters {

    /** SQS takes at most 256 KB per message, attributes included: a long reason is cut, the body never. */
    private static final int MAX_REASON = 1_000;
    /** The group of a message that came without one (not from a FIFO queue). */
    static final String NO_GROUP = "no-message-group";

    private final SqsClient sqs;
    private final String queueUrl;
    private final boolean fifo;

    public SqsDeadLetters(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.fifo = queueUrl.endsWith(".fifo");
    }

    @Override
    public boolean send(InboundMessage message, String reason) {
        String why = reason == null || reason.isBlank() ? "rejected by the consumer" : reason;
        if (why.length() > MAX_REASON) {
            why = why.substring(0, MAX_REASON - 3) + "...";
        }
        Map<String, MessageAttributeValue> attributes = Map.of(
                REASON_ATTRIBUTE, text(why),
                "sourceMessageId", text(message.messageId()));
        // An empty body cannot be sent to SQS; the reason says what it was.
        String body = message.body() == null || message.body().isEmpty() ? "(empty)" : message.body();
        SendMessageRequest.Builder request = SendMessageRequest.builder().queueUrl(queueUrl).messageBody(body)
                .messageAttributes(attributes);
        if (fifo) {
            request.messageGroupId(message.messageGroupId() == null ? NO_GROUP : message.messageGroupId())
                    .messageDeduplicationId(deduplicationId(message, why));
        }
        sqs.sendMessage(request.build());
        return true;
    }

    /** The event's identity (its deduplication id, else the message id) and the reason: 64 hex characters. */
    static String deduplicationId(InboundMessage message, String reason) {
        String identity = message.deduplicationId() != null ? message.deduplicationId() : message.messageId();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((identity + "\n" + reason).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
