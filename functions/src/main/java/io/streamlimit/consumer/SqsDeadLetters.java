package io.streamlimit.consumer;

import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The pipeline's SQS dead-letter queue: the message's body as delivered, with its reason and its
 * original message id as message attributes.
 */
public final class SqsDeadLetters implements DeadLetters {

    /** SQS takes at most 256 KB per message, attributes included: a long reason is cut, the body never. */
    private static final int MAX_REASON = 1_000;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsDeadLetters(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
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
        sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(body).messageAttributes(attributes));
        return true;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
