package io.streamlimit.cdk;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.QueueSpec;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.lambda.ProvisionedPollerConfig;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.LambdaSubscription;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscription;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/** The consumer and how events reach it: its function, the alias (provisioned or SnapStart), the queue or the subscription. */
final class ConsumerPipeline {

    private ConsumerPipeline() {
    }

    /**
     * The function under test; it moves a message that can never parse to the DLQ itself, with its
     * reason as a message attribute (DEAD_LETTER_QUEUE_URL). With sns-lambda, Lambda's async queue retries it (twice on
     * errors, up to 6 hours on throttles, as AWS does by default) and then hands the event to the DLQ;
     * with provisioned concurrency or SnapStart those settings belong to the alias SNS invokes instead.
     * With {@code consumer.snapStart}, SnapStart applies to published versions: Lambda initializes
     * a version when it is published and snapshots it (https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html).
     */
    static Function createConsumer(ScenarioStack stack, Table ledger, Queue deadLetters) {
        ConsumerSpec spec = stack.scenario().consumer();
        boolean async = stack.scenario().pipeline() == Pipeline.SNS_LAMBDA;
        AwsBehaviour aws = AwsBehaviour.current();
        Function consumer = stack.functions().create("Consumer", ScenarioStack.consumerHandler(stack.scenario().pipeline()),
                "streamlimit consumer of " + stack.scenario().name(), spec.memoryMb(), spec.timeoutSeconds(),
                Map.of("TABLE_NAME", ledger.getTableName(),
                        "DEAD_LETTER_QUEUE_URL", deadLetters.getQueueUrl(),
                        "STREAM_LIMIT", Integer.toString(stack.props().streamLimit()),
                        "LEASE_SECONDS", Long.toString(stack.props().leaseSeconds()),
                        "RESULTS_SECRET_NAME", stack.props().resultsSecretName(),
                        "RESULTS_GROUP_ID", stack.scenario().name(),
                        "DOWNSTREAM_CALL_MILLIS", Integer.toString(stack.scenario().downstream().callMillis())),
                builder -> {
                    if (spec.reservedConcurrency() != null) {
                        builder.reservedConcurrentExecutions(spec.reservedConcurrency());
                    }
                    if (spec.snapStart()) {
                        builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
                    }
                    if (async && !invokedThroughAlias(spec)) {
                        builder.onFailure(new SqsDestination(deadLetters))
                                .retryAttempts(aws.asyncErrorRetries())
                                .maxEventAge(Duration.seconds(aws.asyncMaximumEventAge().toSeconds()));
                    }
                    return builder;
                });
        TableGrants.ledgerForConsumer(ledger, consumer);
        // A message that can never parse goes to the DLQ at once, with its reason, from the consumer itself.
        deadLetters.grantSendMessages(consumer);
        resultsSecret(stack).grantRead(consumer);
        StackNagSuppressions.forResultsSecretReader(consumer, stack.props().resultsSecretName());
        stack.output("ConsumerFunctionName", consumer.getFunctionName(), "the consumer, for its logs and metrics");
        return consumer;
    }

    /**
     * Whether the pipeline invokes an alias of a published version rather than $LATEST: provisioned
     * concurrency and SnapStart both live on published versions only (never together: AWS refuses it).
     */
    static boolean invokedThroughAlias(ConsumerSpec spec) {
        return spec.provisionedConcurrency() > 0 || spec.snapStart();
    }

    /**
     * Provisioned concurrency and SnapStart live on a version or an alias, never on $LATEST: a
     * published version of the consumer behind the alias {@value ScenarioStack#CONSUMER_ALIAS},
     * with the scenario's provisioned concurrency, or with SnapStart the version Lambda snapshotted
     * when it was published. The topic or the event source mapping invokes the alias, so its
     * invocations land on the initialized (or restored) environments; with sns-lambda the async
     * settings (retries, event age, on-failure DLQ) are the alias's, since Lambda keeps them per qualifier.
     */
    static Alias createAlias(ScenarioStack stack, Function consumer, Queue deadLetters) {
        AwsBehaviour aws = AwsBehaviour.current();
        ConsumerSpec spec = stack.scenario().consumer();
        Alias.Builder alias = Alias.Builder.create(stack, "ConsumerLiveAlias")
                .aliasName(ScenarioStack.CONSUMER_ALIAS)
                .description("The consumer version " + stack.scenario().name() + " invokes, "
                        + (spec.snapStart() ? "restored from its SnapStart snapshot"
                                : "with " + spec.provisionedConcurrency() + " provisioned environments"))
                .version(consumer.getCurrentVersion());
        if (spec.provisionedConcurrency() > 0) {
            alias.provisionedConcurrentExecutions(spec.provisionedConcurrency());
        }
        if (stack.scenario().pipeline() == Pipeline.SNS_LAMBDA) {
            alias.onFailure(new SqsDestination(deadLetters))
                    .retryAttempts(aws.asyncErrorRetries())
                    .maxEventAge(Duration.seconds(aws.asyncMaximumEventAge().toSeconds()));
        }
        Alias built = alias.build();
        stack.output("ConsumerAliasArn", built.getFunctionArn(), "the consumer alias (provisioned concurrency or SnapStart) that the pipeline invokes");
        return built;
    }

    private static ISecret resultsSecret(ScenarioStack stack) {
        return Secret.fromSecretNameV2(stack, "ResultsSecret", stack.props().resultsSecretName());
    }

    /**
     * SNS -> SQS -> event source mapping. Raw delivery: the queue holds the event itself, not the
     * SNS envelope (the consumer reads both).
     */
    static void connectThroughQueue(ScenarioStack stack, Topic topic, IFunction consumer, Queue deadLetters) {
        QueueSpec spec = stack.scenario().queue();
        Queue queue = eventsQueue(stack, spec, deadLetters).build();
        topic.addSubscription(SqsSubscription.Builder.create(queue).rawMessageDelivery(true).build());
        SqsEventSource.Builder source = SqsEventSource.Builder.create(queue)
                .batchSize(spec.batchSize())
                .reportBatchItemFailures(true);
        if (spec.batchWindowSeconds() > 0) {
            source.maxBatchingWindow(Duration.seconds(spec.batchWindowSeconds()));
        }
        if (stack.scenario().consumer().maximumConcurrency() != null) {
            source.maxConcurrency(stack.scenario().consumer().maximumConcurrency());
        }
        if (spec.pollers() != null) {
            // Provisioned mode: the event pollers the scenario asks for (never with maxConcurrency,
            // which the scenario refuses as AWS does).
            source.provisionedPollerConfig(ProvisionedPollerConfig.builder()
                    .minimumPollers(spec.pollers().minimumPollers())
                    .maximumPollers(spec.pollers().maximumPollers())
                    .build());
        }
        consumer.addEventSource(source.build());
        stack.output("QueueUrl", queue.getQueueUrl(), "the queue between the topic and the consumer");
    }

    /**
     * The events queue, standard or FIFO: the scenario's visibility timeout, SQS-managed
     * encryption, TLS only, and redrive to {@code deadLetters} after the scenario's receives.
     */
    static Queue.Builder eventsQueue(Construct scope, QueueSpec spec, IQueue deadLetters) {
        return Queue.Builder.create(scope, "EventsQueue")
                .visibilityTimeout(Duration.seconds(spec.visibilityTimeoutSeconds()))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(deadLetters)
                        .maxReceiveCount(spec.maxReceiveCount())
                        .build());
    }

    /**
     * SNS FIFO -> SQS FIFO -> event source mapping; the FIFO dead-letter queue's messages are alarmed
     * on like the stack's DLQ.
     *
     * @return the FIFO queue's dead-letter queue
     */
    static Queue connectThroughFifoQueue(ScenarioStack stack, Topic topic, IFunction consumer, FifoPipeline.Queues queues) {
        QueueSpec spec = stack.scenario().queue();
        Queue queue = queues.queue();
        Queue deadLetters = queues.deadLetters();
        FifoPipeline.connect(topic, queue, consumer, spec.batchSize(), stack.scenario().consumer().maximumConcurrency());
        stack.output("QueueUrl", queue.getQueueUrl(), "the FIFO queue between the FIFO topic and the consumer");
        stack.output("FifoDeadLetterQueueUrl", deadLetters.getQueueUrl(),
                "the FIFO queue's dead-letter queue: messages received maxReceiveCount times");
        return deadLetters;
    }

    /** SNS -> Lambda: SNS invokes the consumer asynchronously; the DLQ is its on-failure destination. */
    static void connectDirectly(Topic topic, IFunction consumer, Queue deadLetters) {
        topic.addSubscription(new LambdaSubscription(consumer));
        StackNagSuppressions.forOnFailureDestination(deadLetters);
    }
}
