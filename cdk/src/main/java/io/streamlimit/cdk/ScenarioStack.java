package io.streamlimit.cdk;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.ledger.LedgerTableSchema;
import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.QueueSpec;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.tracker.TrackerTableSchema;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpIamAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.LambdaSubscription;
import software.amazon.awscdk.services.sns.subscriptions.SqsSubscription;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * One scenario, deployed: Producer -> SNS topic -> (SQS queue ->) consumer with its reserved
 * concurrency and DLQ (through the alias "live" when the scenario provisions concurrency); the
 * ledger table; the check API; the tracker API; the publish route.
 * Resources carry no fixed names, so several scenario stacks can live in one account.
 */
public final class ScenarioStack extends Stack {

    static final String CONSUMER_HANDLER = "io.streamlimit.consumer.ConsumerHandler::handleRequest";
    static final String SNS_CONSUMER_HANDLER = "io.streamlimit.consumer.SnsConsumerHandler::handleRequest";
    static final String CHECK_HANDLER = "io.streamlimit.check.CheckHandler::handleRequest";
    static final String PRODUCER_HANDLER = "io.streamlimit.producer.ProducerHandler::handleRequest";
    static final String TRACKER_HANDLER = "io.streamlimit.tracker.TrackerHandler::handleRequest";
    /** The consumer alias that carries provisioned concurrency, when the scenario has some. */
    static final String CONSUMER_ALIAS = "live";

    /** Java cold starts take seconds at small sizes; 1 GB keeps the APIs' first answers quick. */
    private static final int API_MEMORY_MB = 1024;
    private static final int API_TIMEOUT_SECONDS = 10;
    private static final int PRODUCER_MEMORY_MB = 1024;
    private static final int PRODUCER_TIMEOUT_SECONDS = 300;
    /** The producer's own limit on PublishBatch calls in flight. */
    private static final int MAX_PUBLISH_PARALLELISM = 100;

    private final ScenarioStackProps props;
    private final Scenario scenario;
    private final JavaFunctions functions;

    public ScenarioStack(Construct scope, String id, ScenarioStackProps props) {
        super(scope, id, StackProps.builder().description(describe(checked(props.scenario()))).build());
        this.props = props;
        this.scenario = props.scenario();
        this.functions = new JavaFunctions(this, props.functionsJar());

        Topic topic = createTopic();
        Queue deadLetters = createDeadLetterQueue();
        Table ledger = createLedgerTable();
        Table trackerTable = createTrackerTable();
        Function consumer = createConsumer(ledger, deadLetters);
        IFunction invoked = scenario.consumer().provisionedConcurrency() > 0
                ? createProvisionedAlias(consumer, deadLetters)
                : consumer;
        if (scenario.pipeline() == Pipeline.SNS_SQS_LAMBDA) {
            connectThroughQueue(topic, invoked, deadLetters);
        } else {
            connectDirectly(topic, invoked, deadLetters);
        }
        createCheckApi(ledger);
        createTrackerApi(trackerTable);
        createProducer(topic);
        createPublishApi(topic);
        createAlarms(deadLetters, consumer, topic);
    }

    private static Scenario checked(Scenario scenario) {
        new ScenarioRequirements(AwsBehaviour.current()).check(scenario);
        return scenario;
    }

    private static String describe(Scenario scenario) {
        return "streamlimit scenario " + scenario.name() + " (" + scenario.pipeline().fileName() + ")";
    }

    /** Encrypted at rest with a rotated key of its own; grantPublish gives each publisher the key use it needs. */
    private Topic createTopic() {
        Key key = Key.Builder.create(this, "TopicKey")
                .description("Encrypts the streamlimit events topic of " + scenario.name())
                .enableKeyRotation(true)
                .pendingWindow(Duration.days(7))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Topic topic = Topic.Builder.create(this, "EventsTopic")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        output("TopicArn", topic.getTopicArn(), "the events topic");
        return topic;
    }

    /** Where events end after maxReceiveCount receives (SQS) or Lambda's async retries (SNS). */
    private Queue createDeadLetterQueue() {
        Queue dlq = Queue.Builder.create(this, "DeadLetterQueue")
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        output("DeadLetterQueueUrl", dlq.getQueueUrl(), "events that could not be processed");
        return dlq;
    }

    private Table createLedgerTable() {
        Table table = Table.Builder.create(this, "LedgerTable")
                .partitionKey(Attribute.builder()
                        .name(LedgerTableSchema.PARTITION_KEY)
                        .type(AttributeType.STRING)
                        .build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .timeToLiveAttribute(LedgerTableSchema.TTL_ATTRIBUTE)
                .pointInTimeRecoverySpecification(pointInTimeRecovery())
                // An experiment's ledger is derived state: `cdk destroy` should leave nothing behind.
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        output("LedgerTableName", table.getTableName(), "the per-uid ledger");
        return table;
    }

    private Table createTrackerTable() {
        Table table = Table.Builder.create(this, "TrackerTable")
                .partitionKey(Attribute.builder()
                        .name(TrackerTableSchema.PARTITION_KEY)
                        .type(AttributeType.STRING)
                        .build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(pointInTimeRecovery())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        output("TrackerTableName", table.getTableName(), "the request-count tracker's table");
        return table;
    }

    private static PointInTimeRecoverySpecification pointInTimeRecovery() {
        return PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build();
    }

    /**
     * The function under test. With sns-lambda, Lambda's async queue retries it (twice on
     * errors, up to 6 hours on throttles, as AWS does by default) and then hands the event to the DLQ;
     * with provisioned concurrency those settings belong to the alias SNS invokes instead.
     */
    private Function createConsumer(Table ledger, Queue deadLetters) {
        ConsumerSpec spec = scenario.consumer();
        boolean throughQueue = scenario.pipeline() == Pipeline.SNS_SQS_LAMBDA;
        AwsBehaviour aws = AwsBehaviour.current();
        Function consumer = functions.create("Consumer", throughQueue ? CONSUMER_HANDLER : SNS_CONSUMER_HANDLER,
                "streamlimit consumer of " + scenario.name(), spec.memoryMb(), spec.timeoutSeconds(),
                Map.of("TABLE_NAME", ledger.getTableName(),
                        "STREAM_LIMIT", Integer.toString(props.streamLimit()),
                        "LEASE_SECONDS", Long.toString(props.leaseSeconds()),
                        "RESULTS_SECRET_NAME", props.resultsSecretName(),
                        "RESULTS_GROUP_ID", scenario.name(),
                        "DOWNSTREAM_CALL_MILLIS", Integer.toString(scenario.downstream().callMillis())),
                builder -> {
                    if (spec.reservedConcurrency() != null) {
                        builder.reservedConcurrentExecutions(spec.reservedConcurrency());
                    }
                    if (!throughQueue && spec.provisionedConcurrency() == 0) {
                        builder.onFailure(new SqsDestination(deadLetters))
                                .retryAttempts(aws.asyncErrorRetries())
                                .maxEventAge(Duration.seconds(aws.asyncMaximumEventAge().toSeconds()));
                    }
                    return builder;
                });
        TableGrants.ledgerForConsumer(ledger, consumer);
        resultsSecret().grantRead(consumer);
        StackNagSuppressions.forResultsSecretReader(consumer, props.resultsSecretName());
        output("ConsumerFunctionName", consumer.getFunctionName(), "the consumer, for its logs and metrics");
        return consumer;
    }

    /**
     * Provisioned concurrency lives on a version or an alias, never on $LATEST: a published version
     * of the consumer behind the alias {@value #CONSUMER_ALIAS}, with the scenario's provisioned
     * concurrency. The topic or the event source mapping invokes the alias, so its invocations land
     * on the initialized environments; with sns-lambda the async settings (retries, event age,
     * on-failure DLQ) are the alias's, since Lambda keeps them per qualifier.
     */
    private Alias createProvisionedAlias(Function consumer, Queue deadLetters) {
        AwsBehaviour aws = AwsBehaviour.current();
        Alias.Builder alias = Alias.Builder.create(this, "ConsumerLiveAlias")
                .aliasName(CONSUMER_ALIAS)
                .description("The consumer version " + scenario.name() + " invokes, with "
                        + scenario.consumer().provisionedConcurrency() + " provisioned environments")
                .version(consumer.getCurrentVersion())
                .provisionedConcurrentExecutions(scenario.consumer().provisionedConcurrency());
        if (scenario.pipeline() == Pipeline.SNS_LAMBDA) {
            alias.onFailure(new SqsDestination(deadLetters))
                    .retryAttempts(aws.asyncErrorRetries())
                    .maxEventAge(Duration.seconds(aws.asyncMaximumEventAge().toSeconds()));
        }
        Alias built = alias.build();
        output("ConsumerAliasArn", built.getFunctionArn(), "the consumer alias with provisioned concurrency that the pipeline invokes");
        return built;
    }

    private ISecret resultsSecret() {
        return Secret.fromSecretNameV2(this, "ResultsSecret", props.resultsSecretName());
    }

    /**
     * SNS -> SQS -> event source mapping. Raw delivery: the queue holds the event itself, not the
     * SNS envelope (the consumer reads both).
     */
    private void connectThroughQueue(Topic topic, IFunction consumer, Queue deadLetters) {
        QueueSpec spec = scenario.queue();
        Queue queue = Queue.Builder.create(this, "EventsQueue")
                .visibilityTimeout(Duration.seconds(spec.visibilityTimeoutSeconds()))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(deadLetters)
                        .maxReceiveCount(spec.maxReceiveCount())
                        .build())
                .build();
        topic.addSubscription(SqsSubscription.Builder.create(queue).rawMessageDelivery(true).build());
        SqsEventSource.Builder source = SqsEventSource.Builder.create(queue)
                .batchSize(spec.batchSize())
                .reportBatchItemFailures(true);
        if (spec.batchWindowSeconds() > 0) {
            source.maxBatchingWindow(Duration.seconds(spec.batchWindowSeconds()));
        }
        if (scenario.consumer().maximumConcurrency() != null) {
            source.maxConcurrency(scenario.consumer().maximumConcurrency());
        }
        consumer.addEventSource(source.build());
        output("QueueUrl", queue.getQueueUrl(), "the queue between the topic and the consumer");
    }

    /** SNS -> Lambda: SNS invokes the consumer asynchronously; the DLQ is its on-failure destination. */
    private void connectDirectly(Topic topic, IFunction consumer, Queue deadLetters) {
        topic.addSubscription(new LambdaSubscription(consumer));
        StackNagSuppressions.forOnFailureDestination(deadLetters);
    }

    /** GET /check/{uid} and POST /acquire, callers signing with IAM (SigV4). */
    private void createCheckApi(Table ledger) {
        Function check = functions.create("Check", CHECK_HANDLER, "streamlimit check and acquire API",
                API_MEMORY_MB, API_TIMEOUT_SECONDS, ledgerEnvironment(ledger));
        TableGrants.ledgerForCheck(ledger, check);
        HttpApi api = HttpApi.Builder.create(this, "CheckApi")
                .description("streamlimit: may this uid open another stream?")
                .createDefaultStage(false)
                .defaultAuthorizer(new HttpIamAuthorizer())
                .build();
        HttpLambdaIntegration integration = new HttpLambdaIntegration("CheckIntegration", check);
        api.addRoutes(route("/check/{uid}", HttpMethod.GET, integration));
        api.addRoutes(route("/acquire", HttpMethod.POST, integration));
        String url = AccessLoggedStage.defaultStageOf(this, "CheckApi", api).getUrl();
        output("CheckApiUrl", url, "GET check/{uid}, POST acquire (IAM-signed)");
    }

    /**
     * The tracker's contract is public by design: GET /auth hands out a token and every other
     * path is authorized by that token in the handler, so the routes carry no API Gateway authorizer.
     */
    private void createTrackerApi(Table trackerTable) {
        Function tracker = functions.create("Tracker", TRACKER_HANDLER, "streamlimit request-count tracker",
                API_MEMORY_MB, API_TIMEOUT_SECONDS, Map.of("TRACKER_TABLE_NAME", trackerTable.getTableName()));
        TableGrants.trackerTable(trackerTable, tracker);
        HttpApi api = HttpApi.Builder.create(this, "TrackerApi")
                .description("streamlimit request-count tracker")
                .createDefaultStage(false)
                .build();
        HttpLambdaIntegration integration = new HttpLambdaIntegration("TrackerIntegration", tracker);
        api.addRoutes(route("/auth", HttpMethod.GET, integration));
        api.addRoutes(route("/{proxy+}", HttpMethod.GET, integration));
        StackNagSuppressions.forTrackerApi(api);
        String url = AccessLoggedStage.defaultStageOf(this, "TrackerApi", api).getUrl();
        output("TrackerApiUrl", url, "GET auth, then GET any path with the token");
    }

    private Map<String, String> ledgerEnvironment(Table ledger) {
        return Map.of("TABLE_NAME", ledger.getTableName(),
                "STREAM_LIMIT", Integer.toString(props.streamLimit()),
                "LEASE_SECONDS", Long.toString(props.leaseSeconds()));
    }

    private static AddRoutesOptions route(String path, HttpMethod method, HttpLambdaIntegration integration) {
        return AddRoutesOptions.builder().path(path).methods(List.of(method)).integration(integration).build();
    }

    /** Invoked by hand or by `streamlimit` with {"count":1000,"users":200,"runId":"r1"}. */
    private void createProducer(Topic topic) {
        int parallelism = Math.min(scenario.events().publishConcurrency(), MAX_PUBLISH_PARALLELISM);
        Function producer = functions.create("Producer", PRODUCER_HANDLER, "streamlimit producer of " + scenario.name(),
                PRODUCER_MEMORY_MB, PRODUCER_TIMEOUT_SECONDS,
                Map.of("TOPIC_ARN", topic.getTopicArn(),
                        "PUBLISH_PARALLELISM", Integer.toString(Math.max(1, parallelism))));
        topic.grantPublish(producer);
        StackNagSuppressions.forTopicPublisher(producer);
        output("ProducerFunctionName", producer.getFunctionName(), "invoke to publish a run's events");
    }

    private void createPublishApi(Topic topic) {
        PublishEventsApi api = new PublishEventsApi(this, "PublishApi", topic);
        StackNagSuppressions.forPublishApi(api);
        output("PublishEventsUrl", api.eventsUrl(), "POST one event (IAM-signed); API Gateway publishes it to the topic");
    }

    /** Any message in the DLQ is a lost event; any throttle is the experiment's cost showing. Both notify the alarm topic. */
    private void createAlarms(Queue deadLetters, Function consumer, Topic eventsTopic) {
        Alarm deadLetterAlarm = Alarm.Builder.create(this, "DeadLetterAlarm")
                .alarmDescription("Events of " + scenario.name() + " reached the dead-letter queue")
                .metric(deadLetters.metricApproximateNumberOfMessagesVisible(perMinute("Maximum")))
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        Alarm throttleAlarm = Alarm.Builder.create(this, "ConsumerThrottleAlarm")
                .alarmDescription("The consumer of " + scenario.name() + " was throttled")
                .metric(consumer.metricThrottles(perMinute("Sum")))
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        Topic alarmTopic = AlarmTopic.create(this, eventsTopic.getMasterKey(), props.alarmEmail(),
                List.of(deadLetterAlarm, throttleAlarm));
        output("AlarmTopicArn", alarmTopic.getTopicArn(), "the alarms' notifications; subscribe to it, or deploy with -c alarmEmail=...");
    }

    private static MetricOptions perMinute(String statistic) {
        return MetricOptions.builder().period(Duration.minutes(1)).statistic(statistic).build();
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
