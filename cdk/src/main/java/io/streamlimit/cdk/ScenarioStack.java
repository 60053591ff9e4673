package io.streamlimit.cdk;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * One scenario, deployed: Producer -> SNS topic -> (SQS queue ->) consumer, or the FIFO topic and
 * queue, or POST /records -> Kinesis stream -> consumer, with the consumer's reserved concurrency
 * and DLQ (through the alias "live" when the scenario provisions concurrency); the ledger table;
 * the check API; the tracker API (behind AWS WAF if asked); the publish route (topic pipelines).
 * Resources carry no fixed names, so several scenario stacks can live in one account.
 */
public final class ScenarioStack extends Stack {

    static final String CONSUMER_HANDLER = "io.streamlimit.consumer.ConsumerHandler::handleRequest";
    static final String SNS_CONSUMER_HANDLER = "io.streamlimit.consumer.SnsConsumerHandler::handleRequest";
    static final String KINESIS_CONSUMER_HANDLER = "io.streamlimit.consumer.KinesisConsumerHandler::handleRequest";
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

        Table ledger = StackStorage.createLedgerTable(this);
        Table trackerTable = StackStorage.createTrackerTable(this);
        Queue deadLetters = StackStorage.createDeadLetterQueue(this);
        // On the FIFO pipeline the consumer's own dead letters go to the FIFO DLQ (with the uid as
        // their group, so a viewer's keep their order), beside those the FIFO queue redrives there.
        FifoPipeline.Queues fifoQueues = scenario.pipeline().fifo() ? FifoPipeline.createQueues(this, scenario.queue()) : null;
        Function consumer = ConsumerPipeline.createConsumer(this, ledger, fifoQueues != null ? fifoQueues.deadLetters() : deadLetters);
        IFunction invoked = ConsumerPipeline.invokedThroughAlias(scenario.consumer())
                ? ConsumerPipeline.createAlias(this, consumer, deadLetters)
                : consumer;
        StackApis.createCheckApi(this, ledger);
        List<Alarm> pipelineAlarms = new ArrayList<>();
        IKey alarmKey;
        IConstruct accountSetting;
        if (scenario.pipeline() == Pipeline.API_KINESIS_LAMBDA) {
            KinesisPipeline kinesis = StackApis.createKinesisPipeline(this, invoked);
            pipelineAlarms.addAll(kinesis.alarms());
            alarmKey = StackStorage.createAlarmKey(this);
            StackNagSuppressions.forConsumerDeadLetters(deadLetters);
            accountSetting = kinesis.api().accountSetting();
        } else {
            Topic topic = scenario.pipeline().fifo()
                    ? StackStorage.createFifoTopic(this, scenario.queue().fifo())
                    : StackStorage.createTopic(this);
            switch (scenario.pipeline()) {
                case SNS_SQS_LAMBDA -> ConsumerPipeline.connectThroughQueue(this, topic, invoked, deadLetters);
                case SNS_FIFO_SQS_FIFO_LAMBDA -> {
                    pipelineAlarms.add(StackAlarms.fifoDeadLetterAlarm(this,
                            ConsumerPipeline.connectThroughFifoQueue(this, topic, invoked, fifoQueues)));
                    StackNagSuppressions.forConsumerDeadLetters(deadLetters);
                }
                case SNS_LAMBDA -> ConsumerPipeline.connectDirectly(topic, invoked, deadLetters);
                default -> throw new IllegalStateException("no topic pipeline " + scenario.pipeline());
            }
            accountSetting = StackApis.createPublishApi(this, topic).accountSetting();
            StackApis.createProducer(this, topic);
            alarmKey = topic.getMasterKey();
        }
        TrackerAlarmMetrics trackerMetrics = StackApis.createTrackerApi(this, trackerTable, accountSetting);
        StackAlarms.createAlarms(this, deadLetters, consumer, alarmKey, trackerMetrics, pipelineAlarms);
    }

    /** The consumer's entry point for the pipeline's events: SQS batches, SNS notifications or Kinesis records. */
    static String consumerHandler(Pipeline pipeline) {
        return switch (pipeline) {
            case SNS_SQS_LAMBDA, SNS_FIFO_SQS_FIFO_LAMBDA -> CONSUMER_HANDLER;
            case SNS_LAMBDA -> SNS_CONSUMER_HANDLER;
            case API_KINESIS_LAMBDA -> KINESIS_CONSUMER_HANDLER;
        };
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
