package io.streamlimit.local.run;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.streamlimit.consumer.DeadLetters;
import io.streamlimit.local.lambda.AsyncObserver;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The {@code sns-lambda} pipeline's on-failure destination as a real queue: each event Lambda's
 * async queue gives up on is sent there, the SNS message as its body and why it was given up
 * (retries spent, too old) in the {@code reason} message attribute, as the consumer's own
 * dead letters carry theirs. (AWS's on-failure destination wraps the event in an invocation
 * record whose {@code requestContext.condition} and {@code responsePayload} say the same.)
 * Then it tells the next observer, which counts the DLQ arrival.
 */
final class OnFailureQueue implements AsyncObserver<SNSEvent> {

    private final SqsClient sqs;
    private final String queueUrl;
    private final AsyncObserver<SNSEvent> next;

    OnFailureQueue(SqsClient sqs, String queueUrl, AsyncObserver<SNSEvent> next) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.next = next;
    }

    @Override
    public void retried(SNSEvent event, int attempt, Instant at) {
        next.retried(event, attempt, at);
    }

    @Override
    public void deadLettered(SNSEvent event, String reason, Instant at) {
        for (SNSEvent.SNSRecord record : event.getRecords()) {
            String body = record.getSNS().getMessage();
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body == null || body.isEmpty() ? "(empty)" : body)
                    .messageAttributes(Map.of(
                            DeadLetters.REASON_ATTRIBUTE, text("Lambda's async queue gave up: " + reason),
                            "sourceMessageId", text(record.getSNS().getMessageId()))));
        }
        next.deadLettered(event, reason, at);
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }
}
