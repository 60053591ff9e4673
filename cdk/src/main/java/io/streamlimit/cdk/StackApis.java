package io.streamlimit.cdk;

import io.streamlimit.tracker.TrackerSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpIamAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.IConstruct;

/** A scenario stack's entry points: the check and tracker APIs, the producer and the publish route. */
final class StackApis {

    /** Java cold starts take seconds at small sizes; 1 GB keeps the APIs' first answers quick. */
    private static final int API_MEMORY_MB = 1024;
    private static final int API_TIMEOUT_SECONDS = 10;
    private static final int PRODUCER_MEMORY_MB = 1024;
    private static final int PRODUCER_TIMEOUT_SECONDS = 300;
    /** The producer's own limit on PublishBatch calls in flight. */
    private static final int MAX_PUBLISH_PARALLELISM = 100;

    private StackApis() {
    }

    /** GET /check/{uid} and POST /acquire, callers signing with IAM (SigV4). */
    static void createCheckApi(ScenarioStack stack, Table ledger) {
        Function check = stack.functions().create("Check", ScenarioStack.CHECK_HANDLER, "streamlimit check and acquire API",
                API_MEMORY_MB, API_TIMEOUT_SECONDS, ledgerEnvironment(stack, ledger));
        TableGrants.ledgerForCheck(ledger, check);
        HttpApi api = HttpApi.Builder.create(stack, "CheckApi")
                .description("streamlimit: may this uid open another stream?")
                .createDefaultStage(false)
                .defaultAuthorizer(new HttpIamAuthorizer())
                .build();
        HttpLambdaIntegration integration = new HttpLambdaIntegration("CheckIntegration", check);
        api.addRoutes(route("/check/{uid}", HttpMethod.GET, integration));
        api.addRoutes(route("/acquire", HttpMethod.POST, integration));
        String url = AccessLoggedStage.defaultStageOf(stack, "CheckApi", api, stack.props().endpoints().check()).stage().getUrl();
        stack.output("CheckApiUrl", url, "GET check/{uid}, POST acquire (IAM-signed)");
    }

    /**
     * The tracker's contract is public by design: GET /auth hands out a token and every other
     * path is authorized by that token in the handler, so the routes carry no API Gateway authorizer.
     * With {@code trackerWaf} it is served by a REST API that AWS WAF guards ({@link TrackerWafApi}).
     *
     * @param accountSetting API Gateway's account CloudWatch role setting, which a REST stage needs
     */
    static TrackerAlarmMetrics createTrackerApi(ScenarioStack stack, Table trackerTable, IConstruct accountSetting) {
        boolean waf = stack.props().endpoints().trackerWaf();
        Function tracker = stack.functions().create("Tracker", waf ? ScenarioStack.TRACKER_REST_HANDLER : ScenarioStack.TRACKER_HANDLER,
                "streamlimit request-count tracker", API_MEMORY_MB, API_TIMEOUT_SECONDS,
                Map.of("TRACKER_TABLE_NAME", trackerTable.getTableName(),
                        TrackerSettings.ITEM_DAYS_VARIABLE, Integer.toString(stack.props().endpoints().trackerItemDays())));
        TableGrants.trackerTable(trackerTable, tracker);
        if (waf) {
            return TrackerWafApi.create(stack, tracker, accountSetting);
        }
        HttpApi api = HttpApi.Builder.create(stack, "TrackerApi")
                .description("streamlimit request-count tracker")
                .createDefaultStage(false)
                .build();
        HttpLambdaIntegration integration = new HttpLambdaIntegration("TrackerIntegration", tracker);
        api.addRoutes(route("/auth", HttpMethod.GET, integration));
        api.addRoutes(route("/{proxy+}", HttpMethod.GET, integration));
        StackNagSuppressions.forTrackerApi(api);
        AccessLoggedStage stage = AccessLoggedStage.defaultStageOf(stack, "TrackerApi", api, stack.props().endpoints().tracker());
        stack.output("TrackerApiUrl", stage.stage().getUrl(), "GET auth, then GET any path with the token");
        return new TrackerAlarmMetrics(
                TrackerAlarmMetrics.throttledFrom(stack, stage.accessLogs(), stack.getStackName()),
                api.metricServerError(TrackerAlarmMetrics.perMinuteSum()),
                Optional.empty());
    }

    private static Map<String, String> ledgerEnvironment(ScenarioStack stack, Table ledger) {
        return Map.of("TABLE_NAME", ledger.getTableName(),
                "STREAM_LIMIT", Integer.toString(stack.props().streamLimit()),
                "LEASE_SECONDS", Long.toString(stack.props().leaseSeconds()));
    }

    private static AddRoutesOptions route(String path, HttpMethod method, HttpLambdaIntegration integration) {
        return AddRoutesOptions.builder().path(path).methods(List.of(method)).integration(integration).build();
    }

    /** Invoked by hand or by `streamlimit` with {"count":1000,"users":200,"runId":"r1"}. */
    static void createProducer(ScenarioStack stack, Topic topic) {
        int parallelism = Math.min(stack.scenario().events().publishConcurrency(), MAX_PUBLISH_PARALLELISM);
        Function producer = stack.functions().create("Producer", ScenarioStack.PRODUCER_HANDLER, "streamlimit producer of " + stack.scenario().name(),
                PRODUCER_MEMORY_MB, PRODUCER_TIMEOUT_SECONDS,
                Map.of("TOPIC_ARN", topic.getTopicArn(),
                        "PUBLISH_PARALLELISM", Integer.toString(Math.max(1, parallelism))));
        topic.grantPublish(producer);
        StackNagSuppressions.forTopicPublisher(producer);
        stack.output("ProducerFunctionName", producer.getFunctionName(), "invoke to publish a run's events");
    }

    /**
     * API Gateway -> Kinesis -> the consumer (api-kinesis-lambda), with the scenario's stream. No
     * producer function: events go in through POST /records (IAM-signed), as the local stack's
     * POST /records puts them.
     */
    static KinesisPipeline createKinesisPipeline(ScenarioStack stack, IFunction consumer) {
        KinesisPipeline kinesis = new KinesisPipeline(stack, "Kinesis", stack.scenario().name(), stack.scenario().stream(),
                consumer, PutRecordsApi.DEFAULT_THROTTLE);
        stack.output("StreamName", kinesis.stream().stream().getStreamName(), "the events stream");
        stack.output("StreamArn", kinesis.stream().stream().getStreamArn(), "the events stream's ARN");
        stack.output("PutRecordsUrl", kinesis.api().recordsUrl(),
                "POST one event or an array of up to 500 (IAM-signed); API Gateway puts them into the stream");
        stack.output("OnFailureQueueUrl", kinesis.onFailure().getQueueUrl(),
                "metadata of records the Kinesis mapping gave up on (shard, sequence numbers)");
        return kinesis;
    }

    static PublishEventsApi createPublishApi(ScenarioStack stack, Topic topic) {
        PublishEventsApi api = new PublishEventsApi(stack, "PublishApi", topic, stack.scenario().pipeline().fifo());
        StackNagSuppressions.forPublishApi(api);
        stack.output("PublishEventsUrl", api.eventsUrl(), "POST one event (IAM-signed); API Gateway publishes it to the topic");
        return api;
    }
}
