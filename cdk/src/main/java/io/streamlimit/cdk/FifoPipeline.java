package io.streamlimit.cdk;

import io.streamlimit.scenario.DeduplicationScope;
import io.streamlimit.scenario.FifoSpec;
import io.streamlimit.scenario.FifoThroughputLimit;
import io.streamlimit.scenario.QueueSpec;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.sns.FifoThroughputScope;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * SNS FIFO -> SQS FIFO -> consumer (pipeline sns-fifo-sqs-fifo-lambda). Publishers give each
 * message its {@code MessageGroupId} (the uid) and a {@code MessageDeduplicationId} (the event's
 * identity): content-based deduplication is off on topic and queue, so a publisher that forgets
 * the id is refused instead of deduplicated by accident. A FIFO queue's dead-letter queue must be
 * FIFO too; the event source mapping takes no batching window on a FIFO queue.
 */
final class FifoPipeline {

    private FifoPipeline() {
    }

    /**
     * The FIFO topic, its name ending in .fifo (CDK adds the suffix to the generated name). With
     * high throughput the topic's throughput is counted per message group, as the queue's is.
     */
    static Topic createTopic(Construct scope, String id, IKey key, FifoSpec fifo) {
        Topic.Builder topic = Topic.Builder.create(scope, id)
                .fifo(true)
                .contentBasedDeduplication(false)
                .masterKey(key)
                .enforceSsl(true);
        if (fifo.highThroughput()) {
            topic.fifoThroughputScope(FifoThroughputScope.MESSAGE_GROUP);
        }
        return topic.build();
    }

    /** The FIFO queue and its FIFO dead-letter queue. */
    record Queues(Queue queue, Queue deadLetters) {
    }

    /** The FIFO queue and its FIFO dead-letter queue, with the scenario's FIFO choices and redrive. */
    static Queues createQueues(Construct scope, QueueSpec spec) {
        FifoSpec fifo = spec.fifo();
        Queue deadLetters = Queue.Builder.create(scope, "FifoDeadLetterQueue")
                .fifo(true)
                .contentBasedDeduplication(false)
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        StackNagSuppressions.forFifoDeadLetterQueue(deadLetters);
        Queue queue = ConsumerPipeline.eventsQueue(scope, spec, deadLetters)
                .fifo(true)
                .contentBasedDeduplication(false)
                .deduplicationScope(deduplicationScope(fifo.deduplicationScope()))
                .fifoThroughputLimit(throughputLimit(fifo.throughputLimit()))
                .build();
        return new Queues(queue, deadLetters);
    }

    /**
     * Raw delivery: the queue holds the event itself. The mapping has no batching window (AWS
     * supports none on FIFO queues; QueueSpec refuses one) and reports failed items, which on a
     * FIFO queue the consumer must extend to the rest of the batch so that order holds.
     */
    static void connect(Topic topic, Queue queue, IFunction consumer, int batchSize, Integer maximumConcurrency) {
        topic.addSubscription(SqsSubscription.Builder.create(queue).rawMessageDelivery(true).build());
        SqsEventSource.Builder source = SqsEventSource.Builder.create(queue)
                .batchSize(batchSize)
                .reportBatchItemFailures(true);
        if (maximumConcurrency != null) {
            source.maxConcurrency(maximumConcurrency);
        }
        consumer.addEventSource(source.build());
    }

    static software.amazon.awscdk.services.sqs.DeduplicationScope deduplicationScope(DeduplicationScope scope) {
        return switch (scope) {
            case QUEUE -> software.amazon.awscdk.services.sqs.DeduplicationScope.QUEUE;
            case MESSAGE_GROUP -> software.amazon.awscdk.services.sqs.DeduplicationScope.MESSAGE_GROUP;
        };
    }

    static software.amazon.awscdk.services.sqs.FifoThroughputLimit throughputLimit(FifoThroughputLimit limit) {
        return switch (limit) {
            case PER_QUEUE -> software.amazon.awscdk.services.sqs.FifoThroughputLimit.PER_QUEUE;
            case PER_MESSAGE_GROUP_ID -> software.amazon.awscdk.services.sqs.FifoThroughputLimit.PER_MESSAGE_GROUP_ID;
        };
    }
}
