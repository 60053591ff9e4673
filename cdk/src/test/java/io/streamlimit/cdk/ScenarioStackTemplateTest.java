package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.cdk.SynthesizedScenarios.Synthesized;
import io.streamlimit.ledger.LedgerTableSchema;
import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.QueueSpec;
import io.streamlimit.scenario.StreamSpec;
import io.streamlimit.settings.Settings;
import io.streamlimit.tracker.TrackerTableSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** For every file in scenarios/: the synthesized template carries that scenario's settings. */
class ScenarioStackTemplateTest {

    /** What DynamoDbLedgerStore calls for a consumer batch: one batched read, single rereads, conditional puts. */
    private static final Set<String> CONSUMER_LEDGER = Set.of("dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:PutItem");
    private static final Set<String> CHECK_LEDGER = Set.of("dynamodb:GetItem", "dynamodb:PutItem");
    /** What DynamoDbTrackerStore calls: conditional PutItem and UpdateItem. */
    private static final Set<String> TRACKER_TABLE = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem");
    private static final Set<String> XRAY = Set.of("xray:PutTelemetryRecords", "xray:PutTraceSegments");
    private static final Set<String> RESULTS_SECRET = Set.of("secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue");
    private static final Set<String> QUEUE_CONSUME = Set.of("sqs:ChangeMessageVisibility", "sqs:DeleteMessage",
            "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage");
    private static final Set<String> QUEUE_SEND = Set.of("sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage");
    private static final Set<String> TOPIC_PUBLISH = Set.of("kms:Decrypt", "kms:GenerateDataKey*", "sns:Publish");
    /** What CDK's grantRead gives a Kinesis event source's function (no KMS: the stream uses the AWS managed key). */
    private static final Set<String> STREAM_READ = Set.of("kinesis:DescribeStream", "kinesis:DescribeStreamConsumer", "kinesis:DescribeStreamSummary",
            "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards", "kinesis:ListStreams",
            "kinesis:SubscribeToShard");
    private static final int DLQ_RETENTION_SECONDS = 14 * 24 * 60 * 60;

    static Stream<Named<Path>> scenarios() {
        return SynthesizedScenarios.files().stream().map(f -> Named.of(f.getFileName().toString(), f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void consumer_has_the_scenarios_reserved_concurrency_timeout_and_memory(Path file) {
        Synthesized s = SynthesizedScenarios.of(file);
        ConsumerSpec consumer = s.scenario().consumer();
        s.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "Handler", consumerHandler(s),
                "ReservedConcurrentExecutions", orAbsent(consumer.reservedConcurrency()),
                "Timeout", consumer.timeoutSeconds(),
                "MemorySize", consumer.memoryMb(),
                "Runtime", "java21",
                "Environment", Map.of("Variables", Match.objectEquals(Map.of(
                        "TABLE_NAME", Map.of("Ref", ledgerTable(s.template())),
                        "DEAD_LETTER_QUEUE_URL", Map.of("Ref", consumerDeadLetterQueue(s)),
                        "STREAM_LIMIT", "3",
                        "LEASE_SECONDS", "14400",
                        "RESULTS_SECRET_NAME", ScenarioStackProps.DEFAULT_RESULTS_SECRET_NAME,
                        "RESULTS_GROUP_ID", s.scenario().name(),
                        "DOWNSTREAM_CALL_MILLIS", Integer.toString(s.scenario().downstream().callMillis()))))));
    }

    /** The functions' own Settings read the consumer's environment as the scenario means it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void consumer_environment_is_what_the_functions_read_records_results_and_waits_out_the_call(Path file) {
        Synthesized s = SynthesizedScenarios.of(file);
        Map<?, ?> properties = (Map<?, ?>) s.template().findResources("AWS::Lambda::Function").get(consumer(s)).get("Properties");
        Map<?, ?> variables = (Map<?, ?>) ((Map<?, ?>) properties.get("Environment")).get("Variables");
        Map<String, String> environment = new HashMap<>();
        // A deployed function sees the table's name where the template has its Ref.
        variables.forEach((name, value) -> environment.put((String) name, value instanceof String text ? text
                : "DEAD_LETTER_QUEUE_URL".equals(name) ? "https://sqs.us-east-1.amazonaws.com/123456789012/dlq" : "ledger-table"));

        Settings settings = Settings.fromEnv(environment);

        assertThat(settings.recordsResults()).isTrue();
        assertThat(settings.resultsSecretName()).isEqualTo(ScenarioStackProps.DEFAULT_RESULTS_SECRET_NAME);
        assertThat(settings.resultsJdbcUrl()).isNull();
        assertThat(settings.resultsGroupId()).isEqualTo(s.scenario().name());
        assertThat(settings.downstreamCallDuration()).isEqualTo(Duration.ofMillis(s.scenario().downstream().callMillis()));
        assertThat(settings.ledger().limit()).isEqualTo(3);
        assertThat(settings.deadLetterQueueUrl()).as("unparseable messages go straight to the DLQ")
                .isEqualTo("https://sqs.us-east-1.amazonaws.com/123456789012/dlq");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void every_function_runs_the_functions_jar_with_active_tracing(Path file) {
        Synthesized s = SynthesizedScenarios.of(file);
        Template template = s.template();
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function");
        // Consumer, check, tracker and the producer; the Kinesis pipeline's events come in through POST /records.
        assertThat(functions).hasSize(s.scenario().pipeline() == Pipeline.API_KINESIS_LAMBDA ? 3 : 4);
        Set<Object> codeKeys = new TreeSet<>();
        for (Map<String, Object> function : functions.values()) {
            Map<?, ?> properties = (Map<?, ?>) function.get("Properties");
            assertThat(properties.get("TracingConfig")).isEqualTo(Map.of("Mode", "Active"));
            codeKeys.add(((Map<?, ?>) properties.get("Code")).get("S3Key"));
        }
        assertThat(codeKeys).singleElement().asString().endsWith(".jar");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void queue_has_the_visibility_timeout_and_redrives_to_the_dlq_after_max_receive_count(Path file) {
        Synthesized s = SynthesizedScenarios.of(file);
        Template template = s.template();
        String dlq = deadLetterQueue(template);
        if (s.scenario().pipeline() == Pipeline.SNS_LAMBDA) {
            template.resourceCountIs("AWS::SQS::Queue", 1);
            return;
        }
        if (s.scenario().pipeline() == Pipeline.API_KINESIS_LAMBDA) {
            // The DLQ and the Kinesis mapping's on-failure queue; neither redrives anywhere.
            template.resourceCountIs("AWS::SQS::Queue", 2);
            template.resourcePropertiesCountIs("AWS::SQS::Queue", Map.of("RedrivePolicy", Match.anyValue()), 0);
            return;
        }
        QueueSpec queue = s.scenario().queue();
        if (s.scenario().pipeline() == Pipeline.SNS_FIFO_SQS_FIFO_LAMBDA) {
            assertFifoQueues(s);
            return;
        }
        template.resourceCountIs("AWS::SQS::Queue", 2);
        template.hasResourceProperties("AWS::SQS::Queue", Map.of(
                "VisibilityTimeout", queue.visibilityTimeoutSeconds(),
                "SqsManagedSseEnabled", true,
                "RedrivePolicy", Map.of(
                        "maxReceiveCount", queue.maxReceiveCount(),
                        "deadLetterTargetArn", Map.of("Fn::GetAtt", List.of(dlq, "Arn")))));
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "sqs", "RawMessageDelivery", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void event_source_mapping_has_batch_size_window_maximum_concurrency_and_reports_item_failures(Path file) {
        Synthesized s = SynthesizedScenarios.of(file);
        Template template = s.template();
        if (s.scenario().pipeline() == Pipeline.SNS_LAMBDA) {
            template.resourceCountIs("AWS::Lambda::EventSourceMapping", 0);
            return;
        }
        if (s.scenario().pipeline() == Pipeline.API_KINESIS_LAMBDA) {
            assertKinesisMapping(s);
            return;
        }
        QueueSpec queue = s.scenario().queue();
        Integer maximum = s.scenario().consumer().maximumConcurrency();
        template.resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Map.of(
                "FunctionName", invokedFunctionName(s),
                "BatchSize", queue.batchSize(),
                "MaximumBatchingWindowInSeconds", queue.batchWindowSeconds() == 0 ? Match.absent() : queue.batchWindowSeconds(),
                "ScalingConfig", maximum == null ? Match.absent() : Map.of("MaximumConcurrency", maximum),
                "FunctionResponseTypes", List.of("ReportBatchItemFailures")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void sns_lambda_consumer_is_subscribed_and_sends_what_lambda_gives_up_on_to_the_dlq(Path file) {
        Synthesized s = SynthesizedScenarios.of(file);
        Template template = s.template();
        if (s.scenario().pipeline() != Pipeline.SNS_LAMBDA) {
            template.resourceCountIs("AWS::Lambda::EventInvokeConfig", 0);
            return;
        }
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of(
                "Protocol", "lambda",
                "Endpoint", Map.of("Fn::GetAtt", List.of(consumer(s), "Arn"))));
        template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", Map.of(
                "FunctionName", Map.of("Ref", consumer(s)),
                "Qualifier", "$LATEST",
                "MaximumRetryAttempts", 2,
                "MaximumEventAgeInSeconds", 6 * 60 * 60,
                "DestinationConfig", Map.of("OnFailure", Map.of(
                        "Destination", Map.of("Fn::GetAtt", List.of(deadLetterQueue(template), "Arn"))))));
    }

    /**
     * Provisioned concurrency cannot be set on $LATEST: a published version behind the alias
     * "live" carries it, and the event source invokes the alias, so its batches find warm environments.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void provisioned_concurrency_is_on_an_alias_of_a_published_version_and_the_pipeline_invokes_the_alias(Path file) {
        Synthesized s = SynthesizedScenarios.of(file);
        Template template = s.template();
        int provisioned = s.scenario().consumer().provisionedConcurrency();
        if (provisioned == 0 && !s.scenario().consumer().snapStart()) {
            template.resourceCountIs("AWS::Lambda::Alias", 0);
            template.resourceCountIs("AWS::Lambda::Version", 0);
            return;
        }
        template.resourceCountIs("AWS::Lambda::Alias", 1);
        template.hasResourceProperties("AWS::Lambda::Version", Map.of("FunctionName", Map.of("Ref", consumer(s))));
        template.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", ScenarioStack.CONSUMER_ALIAS,
                "FunctionName", Map.of("Ref", consumer(s)),
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(onlyKey(template.findResources("AWS::Lambda::Version")), "Version")),
                "ProvisionedConcurrencyConfig", provisioned == 0 ? Match.absent()
                        : Map.of("ProvisionedConcurrentExecutions", provisioned)));
        assertThat(s.template().findOutputs("*")).containsKey("ConsumerAliasArn");
    }

    /**
     * SnapStart applies to published versions only: the consumer has {@code ApplyOn: PublishedVersions}
     * when the scenario asks, and the event source (or the SNS subscription) invokes the alias of
     * the version Lambda snapshotted, never $LATEST, which SnapStart does not cover.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void snapstart_is_on_published_versions_and_the_pipeline_invokes_their_alias(Path file) {
        Synthesized s = SynthesizedScenarios.of(file);
        Template template = s.template();
        Map<String, Object> consumerProperties = properties(template, consumer(s));
        if (!s.scenario().consumer().snapStart()) {
            assertThat(consumerProperties).doesNotContainKey("SnapStart");
            return;
        }
        assertThat(consumerProperties).containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
        String alias = onlyKey(template.findResources("AWS::Lambda::Alias"));
        if (s.scenario().pipeline() == Pipeline.SNS_SQS_LAMBDA) {
            template.hasResourceProperties("AWS::Lambda::EventSourceMapping",
                    Map.of("FunctionName", aliasQualifiedName(alias)));
        } else {
            template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "lambda",
                    "Endpoint", Map.of("Ref", alias)));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Template template, String logicalId) {
        return (Map<String, Object>) template.findResources("AWS::Lambda::Function").get(logicalId).get("Properties");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void ledger_table_is_on_demand_keyed_by_uid_with_ttl_and_point_in_time_recovery(Path file) {
        Template template = SynthesizedScenarios.of(file).template();
        template.resourceCountIs("AWS::DynamoDB::Table", 2);
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "KeySchema", List.of(Map.of("AttributeName", LedgerTableSchema.PARTITION_KEY, "KeyType", "HASH")),
                "AttributeDefinitions", List.of(Map.of("AttributeName", LedgerTableSchema.PARTITION_KEY, "AttributeType", "S")),
                "BillingMode", "PAY_PER_REQUEST",
                "TimeToLiveSpecification", Map.of("AttributeName", LedgerTableSchema.TTL_ATTRIBUTE, "Enabled", true),
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void tracker_table_is_on_demand_keyed_by_the_tracker_schemas_partition_key_with_ttl(Path file) {
        SynthesizedScenarios.of(file).template().hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "KeySchema", List.of(Map.of("AttributeName", TrackerTableSchema.PARTITION_KEY, "KeyType", "HASH")),
                "AttributeDefinitions", List.of(Map.of("AttributeName", TrackerTableSchema.PARTITION_KEY, "AttributeType", "S")),
                "BillingMode", "PAY_PER_REQUEST",
                "TimeToLiveSpecification", Map.of("AttributeName", TrackerTableSchema.EXPIRES_AT_ATTRIBUTE, "Enabled", true),
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void consumer_may_use_only_the_ledger_the_results_secret_xray_and_its_queue(Path file) {
        Synthesized s = SynthesizedScenarios.of(file);
        FunctionPolicies policies = new FunctionPolicies(s.template());
        String role = policies.roleOf(consumer(s));
        Set<String> queue = s.scenario().pipeline().queued() ? union(QUEUE_CONSUME, QUEUE_SEND)
                : s.scenario().pipeline() == Pipeline.API_KINESIS_LAMBDA ? union(QUEUE_SEND, STREAM_READ) : QUEUE_SEND;
        assertThat(policies.actionsOf(role)).isEqualTo(union(CONSUMER_LEDGER, XRAY, RESULTS_SECRET, queue));
        assertDynamoDbStatementsOnlyReach(policies.statementsOf(role), ledgerTable(s.template()));
        // SendMessage reaches the DLQ only: the consumer moves unparseable messages there itself;
        // with Kinesis also the on-failure queue, where the mapping sends with the function's role.
        String dlq = consumerDeadLetterQueue(s);
        List<String> mayReceive = s.scenario().pipeline() == Pipeline.API_KINESIS_LAMBDA
                ? List.of(dlq, onFailureQueue(s.template())) : List.of(dlq);
        List<String> otherQueues = s.template().findResources("AWS::SQS::Queue").keySet().stream()
                .filter(id -> !mayReceive.contains(id)).toList();
        assertThat(policies.statementsOf(role)).filteredOn(statement -> statement.actions().contains("sqs:SendMessage"))
                .isNotEmpty()
                .allSatisfy(statement -> {
                    assertThat(mayReceive).anySatisfy(target -> assertThat(statement.resources()).contains(target));
                    otherQueues.forEach(other -> assertThat(statement.resources()).doesNotContain(other));
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void check_function_may_use_only_the_ledger_and_xray(Path file) {
        Template template = SynthesizedScenarios.of(file).template();
        FunctionPolicies policies = new FunctionPolicies(template);
        String role = policies.roleOf(policies.functionWithHandler(ScenarioStack.CHECK_HANDLER));
        assertThat(policies.actionsOf(role)).isEqualTo(union(CHECK_LEDGER, XRAY));
        assertDynamoDbStatementsOnlyReach(policies.statementsOf(role), ledgerTable(template));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void tracker_function_may_use_only_the_tracker_table_and_xray(Path file) {
        Template template = SynthesizedScenarios.of(file).template();
        FunctionPolicies policies = new FunctionPolicies(template);
        String role = policies.roleOf(policies.functionWithHandler(ScenarioStack.TRACKER_HANDLER));
        assertThat(policies.actionsOf(role)).isEqualTo(union(TRACKER_TABLE, XRAY));
        assertDynamoDbStatementsOnlyReach(policies.statementsOf(role), trackerTable(template));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void producer_and_the_publish_route_may_only_publish_to_the_topic(Path file) {
        Synthesized s = SynthesizedScenarios.of(file);
        Template template = s.template();
        FunctionPolicies policies = new FunctionPolicies(template);
        if (s.scenario().pipeline() == Pipeline.API_KINESIS_LAMBDA) {
            String apiRole = onlyKey(template.findResources("AWS::IAM::Role", Map.of("Properties", Match.objectLike(Map.of(
                    "Description", Match.stringLikeRegexp(".*API Gateway.*"))))));
            assertThat(policies.actionsOf(apiRole)).isEqualTo(Set.of("kinesis:PutRecords"));
            template.resourceCountIs("AWS::SNS::Topic", 1);
            return;
        }
        String producerRole = policies.roleOf(policies.functionWithHandler(ScenarioStack.PRODUCER_HANDLER));
        assertThat(policies.actionsOf(producerRole)).isEqualTo(union(TOPIC_PUBLISH, XRAY));
        String apiRole = onlyKey(template.findResources("AWS::IAM::Role", Map.of("Properties", Match.objectLike(Map.of(
                "Description", Match.stringLikeRegexp(".*API Gateway.*"))))));
        assertThat(policies.actionsOf(apiRole)).isEqualTo(TOPIC_PUBLISH);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void check_routes_require_iam_and_tracker_routes_are_the_trackers_own_business(Path file) {
        Template template = SynthesizedScenarios.of(file).template();
        template.hasResourceProperties("AWS::ApiGatewayV2::Route",
                Map.of("RouteKey", "GET /check/{uid}", "AuthorizationType", "AWS_IAM"));
        template.hasResourceProperties("AWS::ApiGatewayV2::Route",
                Map.of("RouteKey", "POST /acquire", "AuthorizationType", "AWS_IAM"));
        template.hasResourceProperties("AWS::ApiGatewayV2::Route",
                Map.of("RouteKey", "GET /auth", "AuthorizationType", "NONE"));
        template.hasResourceProperties("AWS::ApiGatewayV2::Route",
                Map.of("RouteKey", "GET /{proxy+}", "AuthorizationType", "NONE"));
        template.resourcePropertiesCountIs("AWS::ApiGatewayV2::Stage", Map.of(
                "StageName", "$default",
                "AutoDeploy", true,
                "AccessLogSettings", Match.objectLike(Map.of("Format", Match.anyValue()))), 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void publish_route_validates_the_body_and_publishes_to_sns_without_a_function(Path file) {
        Synthesized s = SynthesizedScenarios.of(file);
        Template template = s.template();
        if (s.scenario().pipeline() == Pipeline.API_KINESIS_LAMBDA) {
            assertKinesisRoute(s);
            return;
        }
        template.hasResourceProperties("AWS::ApiGateway::Method", Map.of(
                "HttpMethod", "POST",
                "AuthorizationType", "AWS_IAM",
                "RequestValidatorId", Match.anyValue(),
                "RequestModels", Map.of("application/json", Match.anyValue()),
                "Integration", Match.objectLike(Map.of(
                        "Type", "AWS",
                        "RequestTemplates", Map.of("application/json", Match.anyValue())))));
        String method = template.findResources("AWS::ApiGateway::Method").toString();
        assertThat(method).contains(":sns:path//", "Action=Publish", "$util.urlEncode($input.body)");
        if (s.scenario().pipeline().fifo()) {
            assertThat(method).contains("&MessageGroupId=$util.urlEncode($input.path('$.uid'))",
                    "&MessageDeduplicationId=$util.urlEncode(\"$input.path('$.type'):$input.path('$.streamId')\")");
        } else {
            assertThat(method).doesNotContain("MessageGroupId", "MessageDeduplicationId");
        }
        template.hasResourceProperties("AWS::ApiGateway::RequestValidator", Map.of("ValidateRequestBody", true));
        template.hasResourceProperties("AWS::ApiGateway::Model", Map.of(
                "ContentType", "application/json",
                "Schema", Match.objectLike(Map.of(
                        "required", List.of("type", "uid", "streamId"),
                        "properties", Match.objectLike(Map.of(
                                "type", Map.of("type", "string", "enum", List.of("open", "close"))))))));
        template.hasResourceProperties("AWS::ApiGateway::GatewayResponse", Map.of(
                "ResponseType", "BAD_REQUEST_BODY", "StatusCode", "400"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void alarms_fire_on_any_dlq_message_and_any_consumer_throttle(Path file) {
        Synthesized s = SynthesizedScenarios.of(file);
        Template template = s.template();
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "ApproximateNumberOfMessagesVisible",
                "Namespace", "AWS/SQS",
                "Dimensions", List.of(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of(deadLetterQueue(template), "QueueName")))),
                "ComparisonOperator", "GreaterThanThreshold",
                "Threshold", 0));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "Throttles",
                "Namespace", "AWS/Lambda",
                "Dimensions", List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", consumer(s)))),
                "ComparisonOperator", "GreaterThanThreshold",
                "Threshold", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void outputs_name_the_urls_the_topic_and_the_queues(Path file) {
        Synthesized s = SynthesizedScenarios.of(file);
        Set<String> outputs = s.template().findOutputs("*").keySet();
        assertThat(outputs).contains("CheckApiUrl", "TrackerApiUrl", "DeadLetterQueueUrl", "ConsumerFunctionName",
                "LedgerTableName", "AlarmTopicArn");
        if (s.scenario().pipeline() == Pipeline.API_KINESIS_LAMBDA) {
            assertThat(outputs).contains("StreamName", "StreamArn", "PutRecordsUrl", "OnFailureQueueUrl")
                    .doesNotContain("TopicArn", "PublishEventsUrl", "ProducerFunctionName", "QueueUrl");
            return;
        }
        assertThat(outputs).contains("PublishEventsUrl", "TopicArn", "ProducerFunctionName")
                .doesNotContain("StreamName", "PutRecordsUrl", "OnFailureQueueUrl");
        assertThat(outputs.contains("FifoDeadLetterQueueUrl")).isEqualTo(s.scenario().pipeline().fifo());
        if (s.scenario().pipeline().queued()) {
            assertThat(outputs).contains("QueueUrl");
        } else {
            assertThat(outputs).doesNotContain("QueueUrl");
        }
    }

    private static void assertDynamoDbStatementsOnlyReach(List<FunctionPolicies.Statement> statements, String table) {
        statements.stream()
                .filter(st -> st.actions().stream().anyMatch(a -> a.startsWith("dynamodb:")))
                .forEach(st -> assertThat(st.resources()).contains(table));
    }

    private static String consumerHandler(Synthesized s) {
        return switch (s.scenario().pipeline()) {
            case SNS_SQS_LAMBDA, SNS_FIFO_SQS_FIFO_LAMBDA -> ScenarioStack.CONSUMER_HANDLER;
            case SNS_LAMBDA -> ScenarioStack.SNS_CONSUMER_HANDLER;
            case API_KINESIS_LAMBDA -> ScenarioStack.KINESIS_CONSUMER_HANDLER;
        };
    }

    private static String consumer(Synthesized s) {
        return new FunctionPolicies(s.template()).functionWithHandler(consumerHandler(s));
    }

    /**
     * What the event source mapping invokes: the function ($LATEST), or with provisioned
     * concurrency or SnapStart the alias, named "function-name:live" from the alias's ARN.
     */
    static Object invokedFunctionName(Synthesized s) {
        if (!ConsumerPipeline.invokedThroughAlias(s.scenario().consumer())) {
            return Map.of("Ref", consumer(s));
        }
        return aliasQualifiedName(onlyKey(s.template().findResources("AWS::Lambda::Alias")));
    }

    /** CDK's name of an alias: the function name taken from the alias ARN, then ":live". */
    static Map<String, Object> aliasQualifiedName(String alias) {
        return Map.of("Fn::Join", List.of("", List.of(
                Map.of("Fn::Select", List.of(6, Map.of("Fn::Split", List.of(":", Map.of("Ref", alias))))),
                ":" + ScenarioStack.CONSUMER_ALIAS)));
    }

    /** The stack's DLQ (the consumer's DEAD_LETTER_QUEUE_URL), beside the FIFO DLQ and the on-failure queue, which keep 14 days too. */
    private static String deadLetterQueue(Template template) {
        return onlyKey(filterIds(template.findResources("AWS::SQS::Queue", Map.of("Properties",
                Match.objectLike(Map.of("MessageRetentionPeriod", DLQ_RETENTION_SECONDS)))), "DeadLetterQueue"));
    }

    /**
     * Where the consumer sends its own dead letters: the stack's DLQ, or on the FIFO pipeline the
     * FIFO DLQ (it sends them with the uid as message group).
     */
    private static String consumerDeadLetterQueue(Synthesized s) {
        return s.scenario().pipeline().fifo()
                ? onlyKey(filterIds(s.template().findResources("AWS::SQS::Queue"), "FifoDeadLetterQueue"))
                : deadLetterQueue(s.template());
    }

    private static String onFailureQueue(Template template) {
        return onlyKey(filterIds(template.findResources("AWS::SQS::Queue"), "KinesisOnFailureQueue"));
    }

    private static Map<String, ?> filterIds(Map<String, ? extends Map<String, Object>> resources, String prefix) {
        Map<String, Object> found = new HashMap<>();
        resources.forEach((id, resource) -> {
            if (id.startsWith(prefix)) {
                found.put(id, resource);
            }
        });
        return found;
    }

    /** The FIFO queue redrives to a FIFO DLQ; neither deduplicates by content; the scenario's FIFO choices. */
    private static void assertFifoQueues(Synthesized s) {
        Template template = s.template();
        QueueSpec queue = s.scenario().queue();
        template.resourceCountIs("AWS::SQS::Queue", 3);
        String fifoDlq = onlyKey(filterIds(template.findResources("AWS::SQS::Queue"), "FifoDeadLetterQueue"));
        template.hasResourceProperties("AWS::SQS::Queue", Match.objectEquals(Map.of(
                "FifoQueue", true,
                "ContentBasedDeduplication", false,
                "MessageRetentionPeriod", DLQ_RETENTION_SECONDS,
                "SqsManagedSseEnabled", true)));
        template.hasResourceProperties("AWS::SQS::Queue", Match.objectEquals(Map.of(
                "FifoQueue", true,
                "ContentBasedDeduplication", false,
                "DeduplicationScope", queue.fifo().deduplicationScope().fileName(),
                "FifoThroughputLimit", queue.fifo().throughputLimit().fileName(),
                "VisibilityTimeout", queue.visibilityTimeoutSeconds(),
                "SqsManagedSseEnabled", true,
                "RedrivePolicy", Map.of(
                        "maxReceiveCount", queue.maxReceiveCount(),
                        "deadLetterTargetArn", Map.of("Fn::GetAtt", List.of(fifoDlq, "Arn"))))));
        template.hasResourceProperties("AWS::SNS::Topic", Map.of(
                "FifoTopic", true,
                "ContentBasedDeduplication", false,
                "TopicName", Match.stringLikeRegexp(".*\\.fifo"),
                "FifoThroughputScope", queue.fifo().highThroughput() ? "MessageGroup" : Match.absent()));
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "sqs", "RawMessageDelivery", true));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "ApproximateNumberOfMessagesVisible",
                "Dimensions", List.of(Map.of("Name", "QueueName", "Value", Map.of("Fn::GetAtt", List.of(fifoDlq, "QueueName")))),
                "Threshold", 0));
    }

    /** Every setting of the scenario's stream block, on the one mapping, with the on-failure queue. */
    private static void assertKinesisMapping(Synthesized s) {
        Template template = s.template();
        StreamSpec stream = s.scenario().stream();
        String streamId = onlyKey(template.findResources("AWS::Kinesis::Stream"));
        template.resourceCountIs("AWS::Lambda::EventSourceMapping", 1);
        template.hasResourceProperties("AWS::Kinesis::Stream", Map.of(
                "ShardCount", stream.shards(),
                "StreamModeDetails", Map.of("StreamMode", "PROVISIONED"),
                "StreamEncryption", Map.of("EncryptionType", "KMS", "KeyId", "alias/aws/kinesis")));
        template.hasResourceProperties("AWS::Lambda::EventSourceMapping", Match.objectEquals(Map.ofEntries(
                Map.entry("FunctionName", invokedFunctionName(s)),
                Map.entry("EventSourceArn", Map.of("Fn::GetAtt", List.of(streamId, "Arn"))),
                Map.entry("StartingPosition", "TRIM_HORIZON"),
                Map.entry("BatchSize", stream.batchSize()),
                Map.entry("MaximumBatchingWindowInSeconds", stream.batchWindowSeconds() == 0 ? Match.absent() : stream.batchWindowSeconds()),
                Map.entry("ParallelizationFactor", stream.parallelizationFactor()),
                Map.entry("BisectBatchOnFunctionError", stream.bisectOnError()),
                Map.entry("MaximumRetryAttempts", stream.maxRetryAttempts()),
                Map.entry("MaximumRecordAgeInSeconds", stream.maxRecordAgeSeconds()),
                Map.entry("FunctionResponseTypes", List.of("ReportBatchItemFailures")),
                Map.entry("DestinationConfig", Map.of("OnFailure", Map.of(
                        "Destination", Map.of("Fn::GetAtt", List.of(onFailureQueue(template), "Arn"))))))));
    }

    /** POST /records: IAM-signed, validated, an AWS integration to Kinesis PutRecords with the stream's name. */
    private static void assertKinesisRoute(Synthesized s) {
        Template template = s.template();
        String streamId = onlyKey(template.findResources("AWS::Kinesis::Stream"));
        String[] around = PutRecordsApi.requestTemplate("STREAM").split("STREAM");
        template.resourceCountIs("AWS::ApiGateway::Method", 1);
        template.hasResourceProperties("AWS::ApiGateway::Method", Map.of(
                "HttpMethod", "POST",
                "AuthorizationType", "AWS_IAM",
                "RequestValidatorId", Match.anyValue(),
                "RequestModels", Map.of("application/json", Match.anyValue()),
                "Integration", Match.objectLike(Map.of(
                        "Type", "AWS",
                        "Uri", Map.of("Fn::Join", List.of("", List.of(
                                "arn:", Map.of("Ref", "AWS::Partition"), ":apigateway:", Map.of("Ref", "AWS::Region"),
                                ":kinesis:action/PutRecords"))),
                        "RequestTemplates", Map.of("application/json", Map.of("Fn::Join", List.of("", List.of(
                                around[0], Map.of("Ref", streamId), around[1]))))))));
        template.hasResourceProperties("AWS::ApiGateway::Resource", Map.of("PathPart", PutRecordsApi.PATH));
        template.hasResourceProperties("AWS::ApiGateway::RequestValidator", Map.of("ValidateRequestBody", true));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "GetRecords.IteratorAgeMilliseconds",
                "Dimensions", List.of(Map.of("Name", "StreamName", "Value", Map.of("Ref", streamId)))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "MetricName", "NumberOfMessagesSent",
                "Dimensions", List.of(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of(onFailureQueue(template), "QueueName"))))));
    }

    private static String ledgerTable(Template template) {
        return tableKeyedBy(template, LedgerTableSchema.PARTITION_KEY);
    }

    private static String trackerTable(Template template) {
        return tableKeyedBy(template, TrackerTableSchema.PARTITION_KEY);
    }

    private static String tableKeyedBy(Template template, String key) {
        return onlyKey(template.findResources("AWS::DynamoDB::Table", Map.of("Properties", Match.objectLike(Map.of(
                "KeySchema", List.of(Map.of("AttributeName", key, "KeyType", "HASH")))))));
    }

    private static String onlyKey(Map<String, ?> resources) {
        assertThat(resources).hasSize(1);
        return resources.keySet().iterator().next();
    }

    private static Object orAbsent(Integer value) {
        return value == null ? Match.absent() : value;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }
}
