package io.streamlimit.cdk;

import java.util.List;
import java.util.Map;


import software.amazon.awscdk.services.apigateway.AuthorizationType;
import software.amazon.awscdk.services.apigateway.AwsIntegration;

import software.amazon.awscdk.services.apigateway.GatewayResponseOptions;
import software.amazon.awscdk.services.apigateway.IntegrationOptions;
import software.amazon.awscdk.services.apigateway.IntegrationResponse;
import software.amazon.awscdk.services.apigateway.JsonSchema;
import software.amazon.awscdk.services.apigateway.JsonSchemaType;
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

import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kinesis.IStream;


import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * {@code POST /records}: API Gateway validates one event, or an array of up to
 * {@value #MAX_RECORDS} events, against a JSON schema and puts them into the stream itself with
 * Kinesis {@code PutRecords} (an AWS service integration): no function runs per request. Each
 * event becomes one record whose data is the event's JSON and whose partition key is its
 * {@code uid}, so one viewer's events land on one shard, in the order of the array. Callers sign
 * with IAM; API Gateway's role may do nothing but {@code kinesis:PutRecords} on this stream.
 */
final class PutRecordsApi extends Construct {

    static final String STAGE = "v1";
    static final String PATH = "records";
    /** PutRecords takes at most 500 records per call. */
    static final int MAX_RECORDS = 500;
    /** As the publish route's: a runaway client costs a bounded amount; one request carries up to 500 records. */
    static final StageThrottle DEFAULT_THROTTLE = new StageThrottle(100, 200);
    private static final String JSON = "application/json";

    /**
     * Kinesis's JSON protocol body: the array (or the one event) into Records. {@code $input.json}
     * of each element is the event's own JSON text, which becomes the record's data, base64 as
     * PutRecords wants it; the schema allows only A-Z a-z 0-9 . _ : @ - in a uid, so it needs no escaping.
     */
    static String requestTemplate(String streamName) {
        return "#set($body = $input.json('$').trim())\n"
                + "{\"StreamName\":\"" + streamName + "\",\"Records\":[\n"
                + "#if($body.startsWith('['))\n"
                + "#set($i = 0)\n"
                + "#foreach($event in $input.path('$'))\n"
                + "{\"Data\":\"$util.base64Encode($input.json(\"$[$i]\"))\",\"PartitionKey\":\"$event.uid\"}#if($foreach.hasNext),#end\n"
                + "#set($i = $i + 1)\n"
                + "#end\n"
                + "#else\n"
                + "{\"Data\":\"$util.base64Encode($body)\",\"PartitionKey\":\"$input.path('$.uid')\"}\n"
                + "#end\n"
                + "]}";
    }

    /**
     * PutRecords answers 200 even when some records failed (a shard over its write limit:
     * ProvisionedThroughputExceededException): then the route answers 503 with each record's
     * result in order, so the caller retries exactly the failed ones, as it would a throttle.
     */
    static final String RESPONSE_TEMPLATE = "#set($failed = $input.path('$.FailedRecordCount'))\n"
            + "#set($accepted = $input.path('$.Records').size() - $failed)\n"
            + "#if($failed > 0)\n"
            + "#set($context.responseOverride.status = 503)\n"
            + "{\"accepted\":$accepted,\"failed\":$failed,\"records\":$input.json('$.Records')}\n"
            + "#else\n"
            + "{\"accepted\":$accepted,\"failed\":0}\n"
            + "#end";

    private final RestApi api;
    private final Role role;

    /** @param stream encrypted with the AWS managed key aws/kinesis, which needs no KMS permission of the caller */
    PutRecordsApi(Construct scope, String id, IStream stream, StageThrottle throttle) {
        super(scope, id);
        this.api = SignedRestApi.create(this, "Puts validated stream events straight into the Kinesis stream", STAGE, throttle);
        this.role = Role.Builder.create(this, "PutRecordsRole")
                .assumedBy(new ServicePrincipal("apigateway.amazonaws.com"))
                .description("Lets API Gateway put validated events into the Kinesis stream")
                .build();
        role.addToPolicy(PolicyStatement.Builder.create()
                .actions(List.of("kinesis:PutRecords"))
                .resources(List.of(stream.getStreamArn()))
                .build());
        RequestValidator validator = api.addRequestValidator("BodyValidator", RequestValidatorOptions.builder()
                .validateRequestBody(true)
                .validateRequestParameters(true)
                .build());
        api.getRoot().addResource(PATH).addMethod("POST", integration(stream), MethodOptions.builder()
                .authorizationType(AuthorizationType.IAM)
                .requestValidator(validator)
                .requestModels(Map.of(JSON, recordsModel()))
                .methodResponses(List.of(methodResponse("200"), methodResponse("400"), methodResponse("502"),
                        methodResponse("503")))
                .build());
        api.addGatewayResponse("BadRequestBody", GatewayResponseOptions.builder()
                .type(ResponseType.BAD_REQUEST_BODY)
                .statusCode("400")
                .templates(Map.of(JSON, PublishEventsApi.BAD_REQUEST_BODY_TEMPLATE))
                .build());
    }

    /** The URL to POST events to. */
    String recordsUrl() {
        return api.urlForPath("/" + PATH);
    }

    RestApi restApi() {
        return api;
    }

    Role role() {
        return role;
    }

    /** API Gateway's account-level CloudWatch role setting this API creates; other REST stages with access logs wait for it. */
    IConstruct accountSetting() {
        return api.getNode().findChild("Account");
    }

    /** Kinesis's JSON API: action PutRecords, Content-Type application/x-amz-json-1.1. */
    private AwsIntegration integration(IStream stream) {
        return AwsIntegration.Builder.create()
                .service("kinesis")
                .action("PutRecords")
                .integrationHttpMethod("POST")
                .options(IntegrationOptions.builder()
                        .credentialsRole(role)
                        .passthroughBehavior(PassthroughBehavior.NEVER)
                        .requestParameters(Map.of("integration.request.header.Content-Type",
                                "'application/x-amz-json-1.1'"))
                        .requestTemplates(Map.of(JSON, requestTemplate(stream.getStreamName())))
                        .integrationResponses(List.of(
                                IntegrationResponse.builder()
                                        .statusCode("200")
                                        .responseTemplates(Map.of(JSON, RESPONSE_TEMPLATE))
                                        .build(),
                                IntegrationResponse.builder()
                                        .selectionPattern("[45]\\d{2}")
                                        .statusCode("502")
                                        .responseTemplates(Map.of(JSON, "{\"error\":\"the stream did not accept the events\"}"))
                                        .build()))
                        .build())
                .build();
    }

    /** One event, or an array of 1 to {@value #MAX_RECORDS} events, each as the publish route takes it. */
    private Model recordsModel() {
        JsonSchema event = EventSchemas.event().build();
        JsonSchema schema = JsonSchema.builder()
                .schema(JsonSchemaVersion.DRAFT4)
                .title("StreamRecords")
                .oneOf(List.of(
                        event,
                        JsonSchema.builder()
                                .type(JsonSchemaType.ARRAY)
                                .minItems(1)
                                .maxItems(MAX_RECORDS)
                                .items(event)
                                .build()))
                .build();
        return api.addModel("StreamRecords", ModelOptions.builder()
                .contentType(JSON)
                .modelName("StreamRecords")
                .schema(schema)
                .build());
    }

    private static MethodResponse methodResponse(String statusCode) {
        return MethodResponse.builder().statusCode(statusCode).build();
    }
}
