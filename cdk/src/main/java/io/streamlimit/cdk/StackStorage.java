package io.streamlimit.cdk;

import io.streamlimit.ledger.LedgerTableSchema;
import io.streamlimit.scenario.FifoSpec;
import io.streamlimit.tracker.TrackerTableSchema;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;

/** A scenario stack's topic, dead-letter queue and tables, with their outputs. */
final class StackStorage {

    private StackStorage() {
    }

    /** Encrypted at rest with a rotated key of its own; grantPublish gives each publisher the key use it needs. */
    static Topic createTopic(ScenarioStack stack) {
        Topic topic = Topic.Builder.create(stack, "EventsTopic")
                .masterKey(topicKey(stack))
                .enforceSsl(true)
                .build();
        stack.output("TopicArn", topic.getTopicArn(), "the events topic");
        return topic;
    }

    /** The FIFO topic of sns-fifo-sqs-fifo-lambda, encrypted like the standard one. */
    static Topic createFifoTopic(ScenarioStack stack, FifoSpec fifo) {
        Topic topic = FifoPipeline.createTopic(stack, "EventsTopic", topicKey(stack), fifo);
        stack.output("TopicArn", topic.getTopicArn(), "the events FIFO topic (publish with MessageGroupId and MessageDeduplicationId)");
        return topic;
    }

    /**
     * The alarm topic's key when the stack has no topic key to share (api-kinesis-lambda: the
     * stream uses the AWS managed key, which CloudWatch may not be granted).
     */
    static Key createAlarmKey(ScenarioStack stack) {
        return Key.Builder.create(stack, "AlarmTopicKey")
                .description("Encrypts the streamlimit alarm topic of " + stack.scenario().name())
                .enableKeyRotation(true)
                .pendingWindow(Duration.days(7))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }

    private static Key topicKey(ScenarioStack stack) {
        return Key.Builder.create(stack, "TopicKey")
                .description("Encrypts the streamlimit events topic of " + stack.scenario().name())
                .enableKeyRotation(true)
                .pendingWindow(Duration.days(7))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }

    /**
     * Where events end after maxReceiveCount receives (SQS) or Lambda's async retries (SNS), and
     * where the consumer puts a message that can never parse. With a FIFO queue, its redrive goes to
     * a FIFO queue of its own ({@link FifoPipeline}), since a FIFO queue's DLQ must be FIFO.
     */
    static Queue createDeadLetterQueue(ScenarioStack stack) {
        Queue dlq = Queue.Builder.create(stack, "DeadLetterQueue")
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        stack.output("DeadLetterQueueUrl", dlq.getQueueUrl(), "events that could not be processed");
        return dlq;
    }

    static Table createLedgerTable(ScenarioStack stack) {
        Table table = Table.Builder.create(stack, "LedgerTable")
                .partitionKey(stringKey(LedgerTableSchema.PARTITION_KEY))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .timeToLiveAttribute(LedgerTableSchema.TTL_ATTRIBUTE)
                .pointInTimeRecoverySpecification(pointInTimeRecovery())
                // An experiment's ledger is derived state: `cdk destroy` should leave nothing behind.
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        stack.output("LedgerTableName", table.getTableName(), "the per-uid ledger");
        return table;
    }

    static Table createTrackerTable(ScenarioStack stack) {
        Table table = Table.Builder.create(stack, "TrackerTable")
                .partitionKey(stringKey(TrackerTableSchema.PARTITION_KEY))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                // Tokens and counts left unused expire; TTL deletes them lazily, the tracker checks on read.
                .timeToLiveAttribute(TrackerTableSchema.EXPIRES_AT_ATTRIBUTE)
                .pointInTimeRecoverySpecification(pointInTimeRecovery())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        stack.output("TrackerTableName", table.getTableName(), "the request-count tracker's table");
        return table;
    }

    private static Attribute stringKey(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    private static PointInTimeRecoverySpecification pointInTimeRecovery() {
        return PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build();
    }
}
