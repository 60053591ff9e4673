package io.streamlimit.cdk;

import io.streamlimit.scenario.StreamSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;

/** The Kinesis pipeline's constructs, built from explicit settings in a stack of their own. */
class KinesisPipelineTest {

    private static final StreamSpec SETTINGS = new StreamSpec(3, 50, 2, 4, true, 7, 3600);
    private static final StreamSpec INFINITE = new StreamSpec(1, 100, 0, 1, false, -1, -1);

    private record Built(Stack stack, Template template, KinesisPipeline pipeline) {
    }

    private static Built build(StreamSpec settings) {
        App app = new App();
        Stack stack = new Stack(app, "KinesisPipelineTest");
        Function consumer = Function.Builder.create(stack, "Consumer")
                .runtime(Runtime.PYTHON_3_12)
                .handler("index.handler")
                .code(Code.fromInline("def handler(event, context):\n    return {}"))
                .build();
        KinesisPipeline pipeline = new KinesisPipeline(stack, "Kinesis", "kinesis-test", settings, consumer,
                PutRecordsApi.DEFAULT_THROTTLE);
        Aspects.of(app).add(new AwsSolutionsChecks());
        return new Built(stack, Template.fromStack(stack), pipeline);
    }

    @Test
    void stream_is_provisioned_with_the_scenarios_shards_and_encrypted_with_the_aws_managed_key() {
        Template template = build(SETTINGS).template();
        template.resourceCountIs("AWS::Kinesis::Stream", 1);
        template.resourceCountIs("AWS::KMS::Key", 0);
        template.hasResourceProperties("AWS::Kinesis::Stream", Map.of(
                "ShardCount", 3,
                "StreamModeDetails", Map.of("StreamMode", "PROVISIONED"),
                "RetentionPeriodHours", 24,
                "StreamEncryption", Map.of("EncryptionType", "KMS", "KeyId", "alias/aws/kinesis")));
    }

    @Test
    void retention_covers_a_record_age_longer_than_a_day() {
        assertThat(EventStream.retentionHours(new StreamSpec(1, 1, 0, 1, false, 1, 90_000))).isEqualTo(25);
        assertThat(EventStream.retentionHours(new StreamSpec(1, 1, 0, 1, false, 1, 86_400))).isEqualTo(24);
        assertThat(EventStream.retentionHours(INFINITE)).isEqualTo(24);
    }

    @Test
    void event_source_mapping_carries_every_setting_and_sends_what_it_gives_up_on_to_the_on_failure_queue() {
        Built built = build(SETTINGS);
        Template template = built.template();
        String stream = onlyKey(template.findResources("AWS::Kinesis::Stream"));
        String onFailure = onlyKey(template.findResources("AWS::SQS::Queue"));
        template.resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectEquals(Map.ofEntries(
                Map.entry("FunctionName", Map.of("Ref", onlyKey(template.findResources("AWS::Lambda::Function")))),
                Map.entry("EventSourceArn", Map.of("Fn::GetAtt", List.of(stream, "Arn"))),
                Map.entry("StartingPosition", "TRIM_HORIZON"),
                Map.entry("BatchSize", 50),
                Map.entry("MaximumBatchingWindowInSeconds", 2),
                Map.entry("ParallelizationFactor", 4),
                Map.entry("BisectBatchOnFunctionError", true),
                Map.entry("MaximumRetryAttempts", 7),
                Map.entry("MaximumRecordAgeInSeconds", 3600),
                Map.entry("FunctionResponseTypes", List.of("ReportBatchItemFailures")),
                Map.entry("DestinationConfig", Map.of("OnFailure", Map.of(
                        "Destination", Map.of("Fn::GetAtt", List.of(onFailure, "Arn"))))))));
    }

    @Test
    void infinite_retries_and_record_age_are_written_as_minus_one_and_no_window_is_left_out() {
        Template template = build(INFINITE).template();
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "BatchSize", 100,
                "ParallelizationFactor", 1,
                "BisectBatchOnFunctionError", false,
                "MaximumRetryAttempts", -1,
                "MaximumRecordAgeInSeconds", -1,
                "MaximumBatchingWindowInSeconds", Match.absent()));
    }

    @Test
    void records_route_puts_records_into_the_stream_through_kinesis_put_records() {
        Template template = build(SETTINGS).template();
        String stream = onlyKey(template.findResources("AWS::Kinesis::Stream"));
        template.hasResourceProperties("AWS::ApiGateway::Method", Map.of(
                "HttpMethod", "POST",
                "AuthorizationType", "AWS_IAM",
                "RequestValidatorId", Match.anyValue(),
                "RequestModels", Map.of("application/json", Match.anyValue()),
                "Integration", Match.objectLike(Map.of(
                        "Type", "AWS",
                        "IntegrationHttpMethod", "POST",
                        "PassthroughBehavior", "NEVER",
                        "RequestParameters", Map.of("integration.request.header.Content-Type", "'application/x-amz-json-1.1'"),
                        "Uri", Map.of("Fn::Join", List.of("", List.of(
                                "arn:", Map.of("Ref", "AWS::Partition"), ":apigateway:", Map.of("Ref", "AWS::Region"),
                                ":kinesis:action/PutRecords"))),
                        "RequestTemplates", Map.of("application/json", Map.of("Fn::Join", List.of("", List.of(
                                PutRecordsApi.requestTemplate("STREAM").split("STREAM")[0],
                                Map.of("Ref", stream),
                                PutRecordsApi.requestTemplate("STREAM").split("STREAM")[1])))),
                        "IntegrationResponses", Match.arrayWith(List.of(Match.objectLike(Map.of(
                                "StatusCode", "200",
                                "ResponseTemplates", Map.of("application/json", PutRecordsApi.RESPONSE_TEMPLATE)))))))));
        template.hasResourceProperties("AWS::ApiGateway::Resource", Map.of("PathPart", "records"));
    }

    @Test
    void request_template_makes_one_record_per_event_keyed_by_uid_with_base64_data() {
        String template = PutRecordsApi.requestTemplate("events");
        assertThat(template).contains("\"StreamName\":\"events\"",
                "$util.base64Encode($input.json(\"$[$i]\"))", "\"PartitionKey\":\"$event.uid\"",
                "$util.base64Encode($body)", "\"PartitionKey\":\"$input.path('$.uid')\"");
    }

    @Test
    void records_model_takes_one_event_or_an_array_of_up_to_500() {
        Template template = build(SETTINGS).template();
        template.hasResourceProperties("AWS::ApiGateway::Model", Map.of(
                "ContentType", "application/json",
                "Schema", Match.objectLike(Map.of(
                        "oneOf", List.of(
                                Match.objectLike(Map.of("type", "object", "required", List.of("type", "uid", "streamId"))),
                                Match.objectLike(Map.of("type", "array", "minItems", 1, "maxItems", 500,
                                        "items", Match.objectLike(Map.of("required", List.of("type", "uid", "streamId"))))))))));
        template.hasResourceProperties("AWS::ApiGateway::RequestValidator", Map.of("ValidateRequestBody", true));
        template.hasResourceProperties("AWS::ApiGateway::GatewayResponse", Map.of(
                "ResponseType", "BAD_REQUEST_BODY", "StatusCode", "400"));
    }

    @Test
    void api_gateway_may_only_put_records_into_this_stream() {
        Template template = build(SETTINGS).template();
        FunctionPolicies policies = new FunctionPolicies(template);
        String role = onlyKey(template.findResources("AWS::IAM::Role", Map.of("Properties", Match.objectLike(Map.of(
                "Description", Match.stringLikeRegexp(".*Kinesis stream.*"))))));
        String stream = onlyKey(template.findResources("AWS::Kinesis::Stream"));
        assertThat(policies.statementsOf(role)).containsExactly(
                new FunctionPolicies.Statement(Set.of("kinesis:PutRecords"), Map.of("Fn::GetAtt", List.of(stream, "Arn")).toString()));
    }

    @Test
    void stage_is_throttled_traced_and_access_logged() {
        Template template = build(SETTINGS).template();
        template.hasResourceProperties("AWS::ApiGateway::Stage", Map.of(
                "StageName", PutRecordsApi.STAGE,
                "TracingEnabled", true,
                "AccessLogSetting", Match.objectLike(Map.of("Format", Match.anyValue())),
                "MethodSettings", List.of(Match.objectLike(Map.of(
                        "ThrottlingRateLimit", PutRecordsApi.DEFAULT_THROTTLE.ratePerSecond(),
                        "ThrottlingBurstLimit", PutRecordsApi.DEFAULT_THROTTLE.burst())))));
    }

    @Test
    void alarms_fire_on_a_minute_old_iterator_and_on_any_on_failure_arrival() {
        Template template = build(SETTINGS).template();
        String stream = onlyKey(template.findResources("AWS::Kinesis::Stream"));
        String onFailure = onlyKey(template.findResources("AWS::SQS::Queue"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/Kinesis",
                "MetricName", "GetRecords.IteratorAgeMilliseconds",
                "Dimensions", List.of(Map.of("Name", "StreamName", "Value", Map.of("Ref", stream))),
                "Statistic", "Maximum",
                "Period", 60,
                "Threshold", 60_000,
                "ComparisonOperator", "GreaterThanThreshold"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/SQS",
                "MetricName", "NumberOfMessagesSent",
                "Dimensions", List.of(Map.of("Name", "QueueName", "Value", Map.of("Fn::GetAtt", List.of(onFailure, "QueueName")))),
                "Statistic", "Sum",
                "Threshold", 0,
                "ComparisonOperator", "GreaterThanThreshold"));
    }

    @Test
    void the_pipelines_own_resources_pass_cdk_nag() {
        Stack stack = build(SETTINGS).stack();
        List<SynthesisMessage> all = NagFindings.all(stack);
        // The stand-in consumer (inline Python, no suppressions) is not the pipeline's: it must be found, and only it.
        assertThat(all).extracting(SynthesisMessage::getId).anyMatch(id -> id.startsWith("/KinesisPipelineTest/Consumer/"));
        assertThat(all).filteredOn(m -> m.getId().startsWith("/KinesisPipelineTest/Kinesis/"))
                .extracting(NagFindings::describe).isEmpty();
    }

    private static String onlyKey(Map<String, ?> resources) {
        assertThat(resources).hasSize(1);
        return resources.keySet().iterator().next();
    }
}
