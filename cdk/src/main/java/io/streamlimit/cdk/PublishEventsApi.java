package io.streamlimit.cdk;

import java.util.List;
import java.util.Map;


import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.AwsIntegration;

import software.amazon.awscdk.services.apigateway.GatewayResponseOptions;
import software.amazon.awscdk.services.apigateway.IntegrationOptions;
import software.amazon.awscdk.services.apigateway.IntegrationResponse;
import software.amazon.awscdk.services.apigateway.JsonSchema;
import software.amazon.awscdk.services.apigateway.JsonSchemaVersion;

import software.amazon.awscdk.services.apigateway.MethodOptions;
import software.amazon.awscdk.services.apigateway.MethodResponse;
import software.amazon.awscdk.services.apigateway.Model;
import software.amazon.awscdk.services.apigateway.ModelOptions;
import software.amazon.awscdk.services.apigateway.PassthroughBehavior;
import software.amazon.awscdk.services.apigateway.RequestValidator;
import software.amazon.awscdk.services.apigateway.RequestValidatorOptions;
import software.amazon.awscdk.services.apigateway.ResponseType;
import software.amazon.awscdk.services.apigateway.RestApi;

import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;


import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * {@code POST /events}: API Gateway validates one event against a JSON schema and publishes it
 * to the topic itself (an AWS service integration), so no function runs, or is billed, per event.
 * Invalid bodies get a 400 {@code {"error": ...}} naming what is wrong; callers sign with IAM.
 */
final class PublishEventsApi extends Construct {

    static final String STAGE = "v1";
    private static final String JSON = "application/json";
    /** Stage throttle: a runaway client costs a bounded amount, and the pipeline is the thing under test. */
    private static final int RATE_LIMIT_PER_SECOND = 100;
    private static final int BURST_LIMIT = 200;

    /**
     * The validator's message can hold {@code "} (it quotes the schema's own strings), so it is
     * escaped into the JSON string; escapeJavaScript also turns {@code '} into {@code \'}, which
     * JSON does not allow, so that one is put back.
     */
    static final String BAD_REQUEST_BODY_TEMPLATE =
            "{\"error\":\"$util.escapeJavaScript($context.error.validationErrorString).replaceAll(\"\\\\'\",\"'\")\"}";

    /**
     * The event's identity, (type, streamId), as the ledger's idempotency key: a retried POST of
     * one event within SNS's 5-minute deduplication interval is published once.
     */
    static final String DEDUPLICATION_ID = "$input.path('$.type'):$input.path('$.streamId')";
    /** MessageDeduplicationId takes at most 128 characters: "close:" and a streamId of at most 122. */
    static final int FIFO_MAX_STREAM_ID_LENGTH = 128 - "close:".length();
    static final String FIFO_PARAMETERS = "&MessageGroupId=$util.urlEncode($input.path('$.uid'))"
            + "&MessageDeduplicationId=$util.urlEncode(\"" + DEDUPLICATION_ID + "\")";

    private final RestApi api;

    PublishEventsApi(Construct scope, String id, ITopic topic) {
        this(scope, id, topic, false);
    }

    /**
     * @param fifo the topic is FIFO: each event is published with MessageGroupId = its uid and
     *     MessageDeduplicationId = {@value #DEDUPLICATION_ID}
     */
    PublishEventsApi(Construct scope, String id, ITopic topic, boolean fifo) {
        super(scope, id);
        this.api = SignedRestApi.create(this, "Publishes validated stream events straight to the SNS topic", STAGE,
                new StageThrottle(RATE_LIMIT_PER_SECOND, BURST_LIMIT));
        Role role = Role.Builder.create(this, "PublishRole")
                .assumedBy(new ServicePrincipal("apigateway.amazonaws.com"))
                .description("Lets API Gateway publish validated events to the topic")
                .build();
        topic.grantPublish(role);
        StackNagSuppressions.forTopicPublisher(role);
        RequestValidator validator = api.addRequestValidator("BodyValidator", RequestValidatorOptions.builder()
                .validateRequestBody(true)
                .validateRequestParameters(true)
                .build());
        api.getRoot().addResource("events").addMethod("POST", publishIntegration(topic, role, fifo), MethodOptions.builder()
                .authorizationType(AuthorizationType.IAM)
                .requestValidator(validator)
                .requestModels(Map.of(JSON, eventModel(fifo)))
                .methodResponses(List.of(methodResponse("202"), methodResponse("400"), methodResponse("502")))
                .build());
        // The validator's own answer is {"message": ...}; the API contract is {"error": ...}.
        api.addGatewayResponse("BadRequestBody", GatewayResponseOptions.builder()
                .type(ResponseType.BAD_REQUEST_BODY)
                .statusCode("400")
                .templates(Map.of(JSON, BAD_REQUEST_BODY_TEMPLATE))
                .build());
    }

    /** The URL to POST events to. */
    String eventsUrl() {
        return api.urlForPath("/events");
    }

    RestApi restApi() {
        return api;
    }

    /** API Gateway's account-level CloudWatch role setting this API creates; other REST stages with access logs wait for it. */
    IConstruct accountSetting() {
        return api.getNode().findChild("Account");
    }

    /** SNS Publish through its query API: the body, as received, becomes the message. */
    private static AwsIntegration publishIntegration(ITopic topic, Role role, boolean fifo) {
        String publish = "Action=Publish&TopicArn=$util.urlEncode('" + topic.getTopicArn() + "')"
                + "&Message=$util.urlEncode($input.body)"
                + (fifo ? FIFO_PARAMETERS : "");
        return AwsIntegration.Builder.create()
                .service("sns")
                .integrationHttpMethod("POST")
                .path("/")
                .options(IntegrationOptions.builder()
                        .credentialsRole(role)
                        .passthroughBehavior(PassthroughBehavior.NEVER)
                        .requestParameters(Map.of("integration.request.header.Content-Type",
                                "'application/x-www-form-urlencoded'"))
                        .requestTemplates(Map.of(JSON, publish))
                        .integrationResponses(List.of(
                                IntegrationResponse.builder()
                                        .statusCode("202")
                                        .responseTemplates(Map.of(JSON, "{\"accepted\":1}"))
                                        .build(),
                                IntegrationResponse.builder()
                                        .selectionPattern("[45]\\d{2}")
                                        .statusCode("502")
                                        .responseTemplates(Map.of(JSON, "{\"error\":\"the topic did not accept the event\"}"))
                                        .build()))
                        .build())
                .build();
    }

    /**
     * The event as {@code EventParser} accepts it (with a FIFO topic, a streamId short enough for
     * the deduplication id).
     */
    private Model eventModel(boolean fifo) {
        JsonSchema schema = (fifo ? EventSchemas.event(FIFO_MAX_STREAM_ID_LENGTH) : EventSchemas.event())
                .schema(JsonSchemaVersion.DRAFT4)
                .title("StreamEvent")
                .build();
        return api.addModel("StreamEvent", ModelOptions.builder()
                .contentType(JSON)
                .modelName("StreamEvent")
                .schema(schema)
                .build());
    }

    private static MethodResponse methodResponse(String statusCode) {
        return MethodResponse.builder().statusCode(statusCode).build();
    }
}
