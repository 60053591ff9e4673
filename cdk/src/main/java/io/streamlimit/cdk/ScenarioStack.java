package io.streamlimit.cdk;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.Scenario;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * One scenario, deployed: Producer -> SNS topic -> (SQS queue ->) consumer with its reserved
 * concurrency and DLQ (through the alias "live" when the scenario provisions concurrency); the
 * ledger table; the check API; the tracker API (behind AWS WAF if asked); the publish route.
 * Resources carry no fixed names, so several scenario stacks can live in one account.
 */
public final class ScenarioStack extends Stack {

    static final String CONSUMER_HANDLER = "io.streamlimit.consumer.ConsumerHandler::handleRequest";
    static final String SNS_CONSUMER_HANDLER = "io.streamlimit.consumer.SnsConsumerHandler::handleRequest";
    static final String CHECK_HANDLER = "io.streamlimit.check.CheckHandler::handleRequest";
    static final String PRODUCER_HANDLER = "io.streamlimit.producer.ProducerHandler::handleRequest";
    static final String TRACKER_HANDLER = "io.streamlimit.tracker.TrackerHandler::handleRequest";
    /** The tracker behind a REST API, with {@code -c trackerWaf=true}. */
    static final String TRACKER_REST_HANDLER = "io.streamlimit.tracker.TrackerRestHandler::handleRequest";
    /** The consumer alias the pipeline invokes when the scenario has provisioned concurrency or SnapStart. */
    static final String CONSUMER_ALIAS = "live";

    private final ScenarioStackProps props;
    private final Scenario scenario;
    private final JavaFunctions functions;

    public ScenarioStack(Construct scope, String id, ScenarioStackProps props) {
        super(scope, id, StackProps.builder().description(describe(checked(props.scenario()))).build());
        this.props = props;
        this.scenario = props.scenario();
        this.functions = new JavaFunctions(this, props.functionsJar());

        Topic topic = StackStorage.createTopic(this);
        Queue deadLetters = StackStorage.createDeadLetterQueue(this);
        Table ledger = StackStorage.createLedgerTable(this);
        Table trackerTable = StackStorage.createTrackerTable(this);
        Function consumer = ConsumerPipeline.createConsumer(this, ledger, deadLetters);
        IFunction invoked = ConsumerPipeline.invokedThroughAlias(scenario.consumer())
                ? ConsumerPipeline.createAlias(this, consumer, deadLetters)
                : consumer;
        if (scenario.pipeline() == Pipeline.SNS_SQS_LAMBDA) {
            ConsumerPipeline.connectThroughQueue(this, topic, invoked, deadLetters);
        } else {
            ConsumerPipeline.connectDirectly(topic, invoked, deadLetters);
        }
        StackApis.createCheckApi(this, ledger);
        PublishEventsApi publishApi = StackApis.createPublishApi(this, topic);
        TrackerAlarmMetrics trackerMetrics = StackApis.createTrackerApi(this, trackerTable, publishApi.accountSetting());
        StackApis.createProducer(this, topic);
        StackAlarms.createAlarms(this, deadLetters, consumer, topic, trackerMetrics);
    }

    private static Scenario checked(Scenario scenario) {
        new ScenarioRequirements(AwsBehaviour.current()).check(scenario);
        return scenario;
    }

    private static String describe(Scenario scenario) {
        return "streamlimit scenario " + scenario.name() + " (" + scenario.pipeline().fileName() + ")";
    }

    ScenarioStackProps props() {
        return props;
    }

    Scenario scenario() {
        return scenario;
    }

    JavaFunctions functions() {
        return functions;
    }

    void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
