package io.streamlimit.local.chaos;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import io.streamlimit.local.lambda.InvokeResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@link SQSEvent} the SQS event source mapping would hand the consumer for a batch, and what it makes of the answer. */
final class SqsEvents {

    private SqsEvents() {
    }

    static SQSEvent of(List<QueuedMessage> batch, String queueName) {
        List<SQSEvent.SQSMessage> records = new ArrayList<>(batch.size());
        for (QueuedMessage m : batch) {
            SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
            record.setMessageId(m.id);
            record.setReceiptHandle(m.id + "-" + m.receives);
            record.setBody(m.body);
            record.setAttributes(Map.of("ApproximateReceiveCount", Integer.toString(m.receives)));
            record.setEventSource("aws:sqs");
            record.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:" + queueName);
            record.setAwsRegion("us-east-1");
            records.add(record);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /** The messages to leave in the queue: the reported failures, or the whole batch when the invocation failed. */
    static Set<String> failedIds(InvokeResult<SQSBatchResponse> result, List<QueuedMessage> batch) {
        Set<String> failed = new HashSet<>();
        if (result instanceof InvokeResult.Success<SQSBatchResponse> success && success.output() != null) {
            if (success.output().getBatchItemFailures() != null) {
                success.output().getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
            }
        } else {
            batch.forEach(m -> failed.add(m.id));
        }
        return failed;
    }
}
