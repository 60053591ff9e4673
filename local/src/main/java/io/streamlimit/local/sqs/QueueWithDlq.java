package io.streamlimit.local.sqs;

import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A queue and its dead-letter queue, created with a redrive policy so that SQS itself moves a
 * message to the DLQ once it has been received {@code maxReceiveCount} times.
 */
public record QueueWithDlq(String queueUrl, String queueArn, String dlqUrl, String dlqArn) {

    /** Creates both queues (or reuses them if they exist with the same attributes). */
    public static QueueWithDlq create(SqsClient sqs, String name, int visibilityTimeoutSeconds, int maxReceiveCount) {
        String dlqUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")
                        .attributes(Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600")))
                .queueUrl();
        String dlqArn = arnOf(sqs, dlqUrl);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
        String queueUrl = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(
                        QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds),
                        QueueAttributeName.REDRIVE_POLICY, redrive)))
                .queueUrl();
        return new QueueWithDlq(queueUrl, arnOf(sqs, queueUrl), dlqUrl, dlqArn);
    }

    private static String arnOf(SqsClient sqs, String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }
}
