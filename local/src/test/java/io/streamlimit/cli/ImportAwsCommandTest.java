package io.streamlimit.cli;

import static io.streamlimit.cli.CliRun.execute;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.local.aws.MotoServer;
import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.ResultsStore;
import io.streamlimit.results.RunData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * import-aws against moto's server standing in for CloudFormation and CloudWatch: a stack with the
 * scenario stack's outputs, the metrics a run of recommended.yaml would leave, the rows its
 * consumer would have written (embedded PostgreSQL); then compare beside a simulated run.
 */
class ImportAwsCommandTest {

    private static final String STACK = "streamlimit-recommended";
    private static final String RUN = "aws-recommended-1";
    private static final String CONSUMER = "streamlimit-recommended-Consumer";
    private static final String QUEUE = "streamlimit-recommended-Queue";
    private static final String DLQ = "streamlimit-recommended-DeadLetterQueue";
    private static final String TOPIC = "streamlimit-recommended-Events";
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    /** A deployed kinesis-blocked-shard: the Kinesis pipeline's stack, with no topic. */
    private static final String KINESIS_STACK = "streamlimit-kinesis-blocked-shard";
    private static final String KINESIS_RUN = "aws-kinesis-1";
    private static final String KINESIS_CONSUMER = "streamlimit-kinesis-Consumer";
    private static final String KINESIS_DLQ = "streamlimit-kinesis-DeadLetterQueue";
    private static final String STREAM = "streamlimit-kinesis-Events";
    private static final String ON_FAILURE = "streamlimit-kinesis-OnFailureQueue";
    private static final Map<String, String> PROPERTIES = Map.of("aws.accessKeyId", "testing", "aws.secretAccessKey", "testing");

    private static MotoServer moto;
    private static EmbeddedPostgres postgres;
    private static String jdbc;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        postgres = EmbeddedPostgres.start();
        jdbc = postgres.getJdbcUrl("postgres", "postgres");
        // import-aws takes credentials from the SDK's default chain, as a user's shell gives them.
        PROPERTIES.forEach(System::setProperty);
        createStack();
        putMetrics();
        createKinesisStack();
        putKinesisMetrics();
        ResultsStore store = new ResultsStore(jdbc);
        store.createSchema();
        store.insertInvocations(rows());
        store.insertInvocations(rows(KINESIS_RUN, "kinesis-blocked-shard"));
    }

    @AfterAll
    static void stop() throws Exception {
        PROPERTIES.keySet().forEach(System::clearProperty);
        if (postgres != null) {
            postgres.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void writes_the_runs_metrics_as_cloudwatch_has_them_and_compare_shows_it_beside_a_simulated_run() {
        CliRun imported = importAws();

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains(
                "Stack " + STACK + " (us-east-1): consumer " + CONSUMER,
                "Metrics from 2026-11-30T10:00:00Z to 2026-11-30T10:11:11.200Z, per 60 s",
                "Imported run " + RUN + " (scenario recommended): 20 invocations rows, 7 throttles, 2 DLQ arrivals,"
                        + " 3 redeliveries, max concurrency 4");
        RunData run = new ResultsStore(jdbc).loadRun(RUN);
        RunMetrics metrics = new MetricsCalculator().compute(run);
        assertThat(run.run().mode()).isEqualTo("aws");
        assertThat(metrics.throttles()).isEqualTo(7);
        assertThat(metrics.maxConcurrency()).isEqualTo(4);
        assertThat(count(run, PipelineEventKind.DLQ)).isEqualTo(2);
        assertThat(metrics.totalEvents()).as("the topic's publishes").isEqualTo(22);
        assertThat(metrics.eventsCompleted()).isEqualTo(20);
        assertThat(metrics.eventsFailed()).isEqualTo(2);
        assertThat(metrics.redeliveries()).isEqualTo(3);

        CliRun again = importAws();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(new ResultsStore(jdbc).loadRun(RUN).pipelineEvents()).as("a second import replaces the first")
                .hasSameSizeAs(run.pipelineEvents());

        CliRun simulated = execute("simulate", "../scenarios/recommended.yaml", "--events", "20",
                "--results-jdbc", jdbc, "--report-dir", dir.toString());
        assertThat(simulated.exitCode()).as(simulated.err()).isZero();
        CliRun compared = execute("compare", RUN, "sim-recommended-seed1-events20", "--results-jdbc", jdbc,
                "--report", dir.resolve("comparison.html").toString());

        assertThat(compared.exitCode()).as(compared.err()).isZero();
        List<String> lines = compared.out().lines().toList();
        assertThat(lines.get(0)).matches("Metric\\s+" + RUN + "\\s+sim-recommended-seed1-events20");
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("Total events\\s+22\\s+20"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("Events failed\\s+2\\s+\\d+"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("Max concurrency\\s+4\\s+\\d+"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("Throttles\\s+7\\s+\\d+"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("Redeliveries\\s+3\\s+\\d+"));
    }

    @Test
    void imports_a_kinesis_stacks_run_with_its_iterator_age_on_failure_arrivals_and_refused_puts() {
        CliRun imported = execute("import-aws", "--stack", KINESIS_STACK, "--run-id", KINESIS_RUN, "--region", "us-east-1",
                "--endpoint-url", moto.endpoint().toString(), "--results-jdbc", jdbc, "--scenarios-dir", "../scenarios");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains(
                "Stack " + KINESIS_STACK + " (us-east-1): consumer " + KINESIS_CONSUMER + ", DLQ https://sqs.us-east-1.amazonaws.com/"
                        + "123456789012/" + KINESIS_DLQ + ", stream " + STREAM + ", on-failure queue https://sqs.us-east-1"
                        + ".amazonaws.com/123456789012/" + ON_FAILURE,
                "Imported run " + KINESIS_RUN + " (scenario kinesis-blocked-shard): 20 invocations rows, 1 throttles,"
                        + " 2 DLQ arrivals, 0 redeliveries, max concurrency 2",
                "Kinesis: max iterator age 42.0 s, 2 on-failure arrivals (one per batch given up), 5 refused puts;"
                        + " CloudWatch has no shard-blocking retries");
        RunData run = new ResultsStore(jdbc).loadRun(KINESIS_RUN);
        RunMetrics metrics = new MetricsCalculator().compute(run);
        assertThat(metrics.maxIteratorAgeSeconds()).isEqualTo(42.0);
        assertThat(metrics.onFailureRecords()).isEqualTo(2);
        assertThat(metrics.shardRetries()).isZero();
        assertThat(metrics.totalEvents()).as("the stream's incoming records").isEqualTo(22);
        assertThat(metrics.eventsCompleted()).isEqualTo(20);
        assertThat(metrics.eventsFailed()).isEqualTo(2);
        assertThat(metrics.throttles()).isEqualTo(1);
        assertThat(run.pipelineCounts().total(PipelineEventKind.PUT_THROTTLE)).isEqualTo(5);
        assertThat(run.run().requestCounts()).containsEntry("kinesisShards", 2L).containsEntry("kinesisPayloadUnits", 22L)
                .containsEntry("kinesisPutThrottles", 5L).doesNotContainKey("snsPublishes");
    }

    @Test
    void a_kinesis_stack_with_a_topic_scenario_exits_2_naming_the_scenario() {
        CliRun result = execute("import-aws", "--stack", KINESIS_STACK, "--run-id", KINESIS_RUN, "--region", "us-east-1",
                "--endpoint-url", moto.endpoint().toString(), "--results-jdbc", jdbc, "--scenario", "../scenarios/recommended.yaml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: --scenario: scenario 'recommended' is pipeline sns-sqs-lambda, but"
                + " stack '" + KINESIS_STACK + "' is the Kinesis pipeline's (output StreamName); name the deployed scenario"
                + " file with --scenario");
    }

    @Test
    void a_stack_with_neither_a_topic_nor_a_stream_exits_2_with_one_line_naming_it() {
        createStack("streamlimit-other", """
                {"Resources": {"Placeholder": {"Type": "AWS::SQS::Queue"}},
                 "Outputs": {"ConsumerFunctionName": {"Value": "c"}, "DeadLetterQueueUrl": {"Value": "https://q/d"}}}
                """);
        CliRun result = execute("import-aws", "--stack", "streamlimit-other", "--run-id", RUN, "--region", "us-east-1",
                "--endpoint-url", moto.endpoint().toString(), "--results-jdbc", jdbc, "--scenarios-dir", "../scenarios");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: --stack: stack 'streamlimit-other' is not a streamlimit scenario"
                + " stack: it has neither output TopicArn (topic pipelines) nor StreamName (api-kinesis-lambda); it has"
                + " [ConsumerFunctionName, DeadLetterQueueUrl]");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void a_stack_that_does_not_exist_exits_2_with_one_line_naming_it() {
        CliRun result = execute("import-aws", "--stack", "streamlimit-nope", "--run-id", RUN, "--region", "us-east-1",
                "--endpoint-url", moto.endpoint().toString(), "--results-jdbc", jdbc, "--scenarios-dir", "../scenarios");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).startsWith("error: --stack: cannot describe stack 'streamlimit-nope'");
    }

    @Test
    void a_period_cloudwatch_does_not_offer_exits_2_naming_it() {
        CliRun result = execute("import-aws", "--stack", STACK, "--run-id", RUN, "--period", "45", "--region", "us-east-1",
                "--endpoint-url", moto.endpoint().toString(), "--results-jdbc", jdbc, "--scenarios-dir", "../scenarios");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip())
                .isEqualTo("error: --period: must be 1, 5, 10, 30 or a multiple of 60 seconds, got 45");
    }

    @Test
    void an_endpoint_that_does_not_answer_exits_2_with_one_line_naming_it() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        CliRun result = execute("import-aws", "--stack", STACK, "--run-id", RUN, "--region", "us-east-1",
                "--endpoint-url", "http://127.0.0.1:" + port, "--results-jdbc", jdbc, "--scenarios-dir", "../scenarios");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: cannot reach CloudFormation at http://127.0.0.1:" + port
                + " (connection refused); is the emulator at --endpoint-url running?");
    }

    @Test
    void no_region_anywhere_exits_2_before_any_call() throws Exception {
        Process run = cli(Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing"),
                "--stack", STACK, "--run-id", RUN, "--results-jdbc", jdbc);

        assertThat(exit(run)).isEqualTo(2);
        assertThat(err(run)).isEqualTo("error: no AWS region: pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or give"
                + " profile 'default' a region in " + dir.resolve(".aws/config") + " (aws configure set region us-east-1)");
    }

    @Test
    void no_credentials_anywhere_exits_2_saying_so() throws Exception {
        Process run = cli(Map.of("AWS_DEFAULT_REGION", "us-east-1"), "--stack", STACK, "--run-id", RUN,
                "--endpoint-url", moto.endpoint().toString(), "--results-jdbc", jdbc);

        assertThat(exit(run)).isEqualTo(2);
        assertThat(err(run)).isEqualTo("error: no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or"
                + " AWS_PROFILE to a profile of ~/.aws/credentials ('aws configure'), or run 'aws sso login'");
    }

    @Test
    void aws_default_region_is_the_region_when_no_flag_and_no_aws_region_give_one() throws Exception {
        createStack(Region.EU_WEST_1);
        Process run = cli(Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing",
                "AWS_DEFAULT_REGION", "eu-west-1"), "--stack", STACK, "--run-id", "no-such-run",
                "--endpoint-url", moto.endpoint().toString(), "--results-jdbc", jdbc, "--scenarios-dir", "../scenarios");

        assertThat(exit(run)).isEqualTo(2);
        assertThat(new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .as("the stack was found in eu-west-1 only").startsWith("Stack " + STACK + " (eu-west-1): consumer " + CONSUMER);
        assertThat(err(run)).endsWith("error: --scenario: run 'no-such-run' has no group_id in its rows;"
                + " name the deployed scenario file with --scenario");
    }

    /** {@code streamlimit import-aws ARGS} in a JVM of its own with only {@code env} and an empty home: no ~/.aws, no instance. */
    private Process cli(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir, "-cp", System.getProperty("java.class.path"), StreamlimitCli.class.getName(), "import-aws"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("HOME", dir.toString());
        // No instance metadata here: without this the SDK spends seconds asking for it before giving up.
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return process;
    }

    private static int exit(Process process) {
        return process.exitValue();
    }

    private static String err(Process process) throws Exception {
        return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private CliRun importAws() {
        return execute("import-aws", "--stack", STACK, "--run-id", RUN, "--region", "us-east-1",
                "--endpoint-url", moto.endpoint().toString(), "--results-jdbc", jdbc, "--scenarios-dir", "../scenarios");
    }

    private static long count(RunData run, PipelineEventKind kind) {
        return run.pipelineEvents().stream().filter(event -> event.kind() == kind).count();
    }

    /** The outputs import-aws reads; moto needs one resource besides. */
    private static void createStack() {
        createStack(Region.US_EAST_1);
    }

    private static void createStack(Region region) {
        String template = """
                {"Resources": {"Placeholder": {"Type": "AWS::SQS::Queue"}},
                 "Outputs": {
                   "ConsumerFunctionName": {"Value": "%s"},
                   "QueueUrl": {"Value": "https://sqs.us-east-1.amazonaws.com/123456789012/%s"},
                   "DeadLetterQueueUrl": {"Value": "https://sqs.us-east-1.amazonaws.com/123456789012/%s"},
                   "TopicArn": {"Value": "arn:aws:sns:us-east-1:123456789012:%s"}}}
                """.formatted(CONSUMER, QUEUE, DLQ, TOPIC);
        try (CloudFormationClient cloudFormation = CloudFormationClient.builder().endpointOverride(moto.endpoint())
                .region(region).credentialsProvider(credentials()).build()) {
            cloudFormation.createStack(request -> request.stackName(STACK).templateBody(template));
        }
    }

    /**
     * Minute by minute, as Lambda and SQS publish: 4 + 3 throttles, at most 4 environments, 22
     * events published and sent to the queue, 25 receives (so 3 redeliveries), 2 DLQ arrivals.
     */
    private static void putMetrics() {
        List<MetricDatum> lambda = new ArrayList<>();
        List<MetricDatum> sqs = new ArrayList<>();
        List<MetricDatum> sns = new ArrayList<>();
        lambda.add(datum("Throttles", "FunctionName", CONSUMER, 0, 4));
        lambda.add(datum("Throttles", "FunctionName", CONSUMER, 1, 3));
        lambda.add(datum("ConcurrentExecutions", "FunctionName", CONSUMER, 0, 4));
        lambda.add(datum("ConcurrentExecutions", "FunctionName", CONSUMER, 1, 2));
        lambda.add(datum("Invocations", "FunctionName", CONSUMER, 0, 9));
        lambda.add(datum("Invocations", "FunctionName", CONSUMER, 1, 6));
        sqs.add(datum("NumberOfMessagesSent", "QueueName", QUEUE, 0, 22));
        sqs.add(datum("NumberOfMessagesReceived", "QueueName", QUEUE, 0, 15));
        sqs.add(datum("NumberOfMessagesReceived", "QueueName", QUEUE, 1, 10));
        sqs.add(datum("NumberOfMessagesSent", "QueueName", DLQ, 2, 2));
        sns.add(datum("NumberOfMessagesPublished", "TopicName", TOPIC, 0, 22));
        // Outside the window: another run's throttles an hour later.
        lambda.add(datum("Throttles", "FunctionName", CONSUMER, 60, 100));
        try (CloudWatchClient cloudWatch = CloudWatchClient.builder().endpointOverride(moto.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(credentials()).build()) {
            cloudWatch.putMetricData(request -> request.namespace("AWS/Lambda").metricData(lambda));
            cloudWatch.putMetricData(request -> request.namespace("AWS/SQS").metricData(sqs));
            cloudWatch.putMetricData(request -> request.namespace("AWS/SNS").metricData(sns));
        }
    }

    private static MetricDatum datum(String name, String dimension, String value, int minute, double amount) {
        return MetricDatum.builder().metricName(name).dimensions(Dimension.builder().name(dimension).value(value).build())
                .timestamp(T0.plusSeconds(60L * minute)).value(amount).build();
    }

    /** 20 events, 2 per second from T0 + 1 s, written by the consumer in 10 batches of 2. */
    private static List<InvocationRow> rows() {
        return rows(RUN, "recommended");
    }

    private static List<InvocationRow> rows(String runId, String group) {
        List<InvocationRow> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Instant sent = T0.plusSeconds(1 + i / 2);
            rows.add(new InvocationRow(runId, i + 1, sent, sent.plusMillis(200), sent.plusMillis(1_200), group,
                    "batch-" + i / 2, "env-" + (i / 2) % 3));
        }
        return rows;
    }

    /** The outputs the CDK app gives a Kinesis stack (StackApis.createKinesisPipeline), and no TopicArn. */
    private static void createKinesisStack() {
        createStack(KINESIS_STACK, """
                {"Resources": {"Placeholder": {"Type": "AWS::SQS::Queue"}},
                 "Outputs": {
                   "ConsumerFunctionName": {"Value": "%s"},
                   "DeadLetterQueueUrl": {"Value": "https://sqs.us-east-1.amazonaws.com/123456789012/%s"},
                   "StreamName": {"Value": "%s"},
                   "StreamArn": {"Value": "arn:aws:kinesis:us-east-1:123456789012:stream/%s"},
                   "PutRecordsUrl": {"Value": "https://abc.execute-api.us-east-1.amazonaws.com/v1/records"},
                   "OnFailureQueueUrl": {"Value": "https://sqs.us-east-1.amazonaws.com/123456789012/%s"}}}
                """.formatted(KINESIS_CONSUMER, KINESIS_DLQ, STREAM, STREAM, ON_FAILURE));
    }

    private static void createStack(String name, String template) {
        try (CloudFormationClient cloudFormation = CloudFormationClient.builder().endpointOverride(moto.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(credentials()).build()) {
            cloudFormation.createStack(request -> request.stackName(name).templateBody(template));
        }
    }

    /**
     * Minute by minute, as Kinesis, Lambda and SQS publish: 22 records into the stream, 5 puts refused,
     * the iterator age at most 1.5 s then 42 s, 2 batches given up to the on-failure queue, 1 throttle.
     */
    private static void putKinesisMetrics() {
        List<MetricDatum> kinesis = new ArrayList<>();
        kinesis.add(datum("IncomingRecords", "StreamName", STREAM, 0, 20));
        kinesis.add(datum("IncomingRecords", "StreamName", STREAM, 1, 2));
        kinesis.add(datum("WriteProvisionedThroughputExceeded", "StreamName", STREAM, 0, 5));
        kinesis.add(datum("GetRecords.IteratorAgeMilliseconds", "StreamName", STREAM, 0, 1_500));
        kinesis.add(datum("GetRecords.IteratorAgeMilliseconds", "StreamName", STREAM, 1, 42_000));
        List<MetricDatum> lambda = List.of(datum("Throttles", "FunctionName", KINESIS_CONSUMER, 0, 1),
                datum("ConcurrentExecutions", "FunctionName", KINESIS_CONSUMER, 0, 2),
                datum("Invocations", "FunctionName", KINESIS_CONSUMER, 0, 12));
        List<MetricDatum> sqs = List.of(datum("NumberOfMessagesSent", "QueueName", ON_FAILURE, 2, 2));
        try (CloudWatchClient cloudWatch = CloudWatchClient.builder().endpointOverride(moto.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(credentials()).build()) {
            cloudWatch.putMetricData(request -> request.namespace("AWS/Kinesis").metricData(kinesis));
            cloudWatch.putMetricData(request -> request.namespace("AWS/Lambda").metricData(lambda));
            cloudWatch.putMetricData(request -> request.namespace("AWS/SQS").metricData(sqs));
        }
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    }
}
