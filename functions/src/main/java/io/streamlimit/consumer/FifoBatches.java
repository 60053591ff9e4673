package io.streamlimit.consumer;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A batch from an SQS FIFO queue, handled as AWS and Powertools document partial batch responses
 * on FIFO queues: messages are processed one after another in delivery order, and at the first
 * failure that message and every later message of the batch are reported in
 * {@code batchItemFailures} unprocessed, so no later message of its group is applied or deleted
 * before it (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html,
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

    /**
     * Processes {@code messages} one at a time with {@code processOne} (which returns the ids that
     * failed); returns the failed ids in delivery order: the first failure and all after it.
     */
    static List<String> processInOrder(List<InboundMessage> messages,
                                       Function<List<InboundMessage>, List<String>> processOne) {
        for (int i = 0; i < messages.size(); i++) {
            if (!processOne.apply(List.of(messages.get(i))).isEmpty()) {
                List<String> failed = new ArrayList<>();
                for (InboundMessage rest : messages.subList(i, messages.size())) {
                    failed.add(rest.messageId());
                }
                return failed;
            }
        }
        return List.of();
    }
}
