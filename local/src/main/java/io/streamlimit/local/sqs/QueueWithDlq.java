package io.streamlimit.local.sqs;

import io.streamlimit.scenario.FifoSpec;
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

    /** {@link #createFifo(SqsClient, String, int, int, FifoSpec)} with SQS's defaults (queue scope, per-queue limit). */
    public static QueueWithDlq createFifo(SqsClient sqs, String name, int visibilityTimeoutSeconds, int maxReceiveCount) {
        return createFifo(sqs, name, visibilityTimeoutSeconds, maxReceiveCount, FifoSpec.defaults());
    }

    /**
     * Creates a FIFO queue {@code name.fifo} and its FIFO dead-letter queue {@code name-dlq.fifo}
     * (SQS requires a FIFO queue's DLQ to be FIFO too), with the redrive policy. Senders give each
     * message its deduplication id, so content-based deduplication is off. ElasticMQ blocks a
     * message group while one of its messages is in flight, as SQS does; moving messages back out
     * of a FIFO DLQ (StartMessageMoveTask) does nothing in ElasticMQ.
     *
     * <p>{@code DeduplicationScope} and {@code FifoThroughputLimit} are passed as SQS takes them, but
     * ElasticMQ 1.7.1 accepts them on CreateQueue without keeping them (GetQueueAttributes does not
     * return them; SetQueueAttributes refuses them): it deduplicates across the whole queue, which
     * {@link MessageGroupDeduplication} corrects for a messageGroup scope, and it has no throughput
     * limit at all, per queue or per group, so the local stack throttles no FIFO sends.
     */
    public static QueueWithDlq createFifo(SqsClient sqs, String name, int visibilityTimeoutSeconds, int maxReceiveCount,
                                          FifoSpec fifo) {
        String dlqUrl = sqs.createQueue(b -> b.queueName(name + "-dlq.fifo").attributes(Map.of(
                        QueueAttributeName.FIFO_QUEUE, "true",
                        QueueAttributeName.MESSAGE_RETENTION_PERIOD, "1209600")))
                .queueUrl();
        String dlqArn = arnOf(sqs, dlqUrl);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceiveCount + "\"}";
        String queueUrl = sqs.createQueue(b -> b.queueName(name + ".fifo").attributes(Map.of(
                        QueueAttributeName.FIFO_QUEUE, "true",
                        QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false",
                        QueueAttributeName.DEDUPLICATION_SCOPE, fifo.deduplicationScope().fileName(),
                        QueueAttributeName.FIFO_THROUGHPUT_LIMIT, fifo.throughputLimit().fileName(),
                        QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds),
                        QueueAttributeName.REDRIVE_POLICY, redrive)))
                .queueUrl();
        return new QueueWithDlq(queueUrl, arnOf(sqs, queueUrl), dlqUrl, dlqArn);
    }

    /** Whether this is a FIFO queue (its name ends with {@code .fifo}). */
    public boolean fifo() {
        return queueArn.endsWith(".fifo");
    }

    private static String arnOf(SqsClient sqs, String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }
}
