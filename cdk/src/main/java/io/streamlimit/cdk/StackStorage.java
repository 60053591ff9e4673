package io.streamlimit.cdk;

import io.streamlimit.ledger.LedgerTableSchema;
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
        Key key = Key.Builder.create(stack, "TopicKey")
                .description("Encrypts the streamlimit events topic of " + stack.scenario().name())
                .enableKeyRotation(true)
                .pendingWindow(Duration.days(7))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Topic topic = Topic.Builder.create(stack, "EventsTopic")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        stack.output("TopicArn", topic.getTopicArn(), "the events topic");
        return topic;
    }

    /** Where events end after maxReceiveCount receives (SQS) or Lambda's async retries (SNS). */
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
