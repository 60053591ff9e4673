package io.streamlimit.consumer;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;

/**
 * Tells a batch from an SQS FIFO queue, which the consumer handles as AWS and Powertools document
 * partial batch responses on FIFO queues ({@link ConsumerService#processInOrder}): the first
 * failure and every later message of the batch are reported in {@code batchItemFailures}
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html,
 * https://docs.powertools.aws.dev/lambda/java/latest/utilities/batch/).
 */
final class FifoBatches {

    private FifoBatches() {
    }

    /** A record from a FIFO queue: its source ARN ends in {@code .fifo}, or it carries a message group id. */
    static boolean fromFifoQueue(SQSEvent.SQSMessage record) {
        String arn = record.getEventSourceArn();
        if (arn != null && arn.endsWith(".fifo")) {
            return true;
        }
        Map<String, String> attributes = record.getAttributes();
        return attributes != null && attributes.containsKey("MessageGroupId");
    }

    /** True when any record of the batch comes from a FIFO queue (a mapping reads one queue). */
    static boolean fromFifoQueue(List<SQSEvent.SQSMessage> records) {
        return records != null && records.stream().anyMatch(FifoBatches::fromFifoQueue);
    }
}
