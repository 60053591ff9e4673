package io.streamlimit.cli;

import io.streamlimit.local.aws.AwsImportClients;
import io.streamlimit.local.aws.AwsRunImport;
import io.streamlimit.local.aws.AwsRunMetrics;
import io.streamlimit.local.aws.ImportException;
import io.streamlimit.local.aws.MetricWindow;
import io.streamlimit.local.aws.StackKind;
import io.streamlimit.local.aws.StackOutputs;
import io.streamlimit.local.results.ResultsDatabase;
import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.MetricsTable;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.ResultsStore;
import io.streamlimit.results.RunData;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.Scenario;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamlimit import-aws}: an AWS run's CloudWatch metrics into the results database, beside its rows. */
@Command(name = "import-aws", mixinStandardHelpOptions = true,
        description = {"Reads a deployed stack's outputs and the run's CloudWatch metrics (the consumer's Throttles,",
            "ConcurrentExecutions and Invocations, the queue's receives, the DLQ's arrivals, the topic's publishes;",
            "for a Kinesis stack the stream's incoming records, refused puts and iterator age and the on-failure",
            "queue's arrivals) and saves them as the run's runs and pipeline_events rows, beside the invocations",
            "rows its consumer wrote, so that compare, the dashboards and calibrate treat it like any other run.",
            "See cdk/README.md."})
final class ImportAwsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--stack", required = true, paramLabel = "NAME", description = "The stack, e.g. streamlimit-sqs-rc1-high-visibility.")
    String stack;

    @Option(names = "--run-id", required = true, paramLabel = "ID", description = "The runId given to the producer.")
    String runId;

    @Option(names = "--region", paramLabel = "R", description = "The stack's region (default: AWS_REGION, else AWS_DEFAULT_REGION, else your profile's).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Another endpoint for CloudFormation and CloudWatch (an emulator).")
    URI endpoint;

    @Option(names = "--from", paramLabel = "INSTANT", description = "Start of the metrics window, e.g. 2026-11-30T10:00:00Z"
            + " (default: the run's first invocations row, to the period).")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "End of the window (default: the last row plus the"
            + " queue's maxReceiveCount x visibility timeout and a minute, at least 5 minutes).")
    Instant to;

    @Option(names = "--period", paramLabel = "SECONDS", defaultValue = "60", description = "Granularity (default: ${DEFAULT-VALUE};"
            + " Lambda and SQS publish one-minute data).")
    int period;

    @Option(names = "--scenario", paramLabel = "FILE", description = "The deployed scenario (default: the file in"
            + " --scenarios-dir named as the rows' group_id).")
    Path scenarioFile;

    @Option(names = "--scenarios-dir", paramLabel = "DIR", defaultValue = "scenarios", description = "Default: ${DEFAULT-VALUE}.")
    Path scenariosDir;

    @Mixin
    ResultsOptions results;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            // The flags, the region, the credentials and the stack are checked before the results database is opened.
            MetricWindow.checkPeriod(period);
            try (AwsImportClients aws = AwsImportClients.create(region, endpoint, System.getenv(), home())) {
                importStack(aws, out);
            }
        } catch (ImportException e) {
            throw new UserError(e.getMessage(), e);
        }
        return 0;
    }

    /** Where ~/.aws is: HOME first, as the AWS CLI and the SDK read it, else Java's user.home. */
    private static Path home() {
        String home = System.getenv("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    private void importStack(AwsImportClients aws, PrintWriter out) {
        StackOutputs outputs = aws.describeStack(stack);
        StackKind kind = StackKind.of(outputs);
        String consumer = outputs.require(AwsRunMetrics.CONSUMER);
        String dlq = outputs.require(AwsRunMetrics.DLQ);
        if (kind == StackKind.KINESIS) {
            out.printf("Stack %s (%s): consumer %s, DLQ %s, stream %s, on-failure queue %s%n", stack, aws.region(), consumer, dlq,
                    outputs.require(AwsRunMetrics.STREAM), outputs.require(AwsRunMetrics.ON_FAILURE_QUEUE));
        } else {
            out.printf("Stack %s (%s): consumer %s, DLQ %s, topic %s%n", stack, aws.region(), consumer, dlq,
                    outputs.require(AwsRunMetrics.TOPIC));
        }
        if (scenarioFile != null) {
            // A given scenario that does not match the stack is refused before the results database opens.
            checkDeploys(kind, ImportedScenario.resolve(scenarioFile, scenariosDir, List.of(), runId));
        }
        try (ResultsDatabase database = results.open(spec.commandLine().getErr())) {
            importRun(aws, outputs, kind, database, out);
        }
    }

    private void importRun(AwsImportClients aws, StackOutputs outputs, StackKind kind, ResultsDatabase database, PrintWriter out) {
        ResultsStore store = new ResultsStore(database.dataSource());
        store.createSchema();
        List<InvocationRow> rows = store.loadInvocations(runId);
        Scenario scenario = ImportedScenario.resolve(scenarioFile, scenariosDir, rows, runId);
        checkDeploys(kind, scenario);
        MetricWindow window = window(rows, scenario);
        out.printf("Metrics from %s to %s, per %d s%n", window.from(), window.to(), window.periodSeconds());
        RunData data = AwsRunImport.build(runId, scenario, rows, aws.fetchMetrics(outputs, window), window);
        store.saveRun(data.run());
        store.replacePipelineRows(data);
        RunMetrics metrics = new MetricsCalculator().compute(data);
        store.saveSummary(runId, metrics);
        out.printf("Imported run %s (scenario %s): %d invocations rows, %d throttles, %d DLQ arrivals,"
                + " %d redeliveries, max concurrency %d%n", runId, scenario.name(), rows.size(),
                data.pipelineCounts().total(PipelineEventKind.THROTTLE), count(data, PipelineEventKind.DLQ),
                data.pipelineCounts().total(PipelineEventKind.REDELIVERY), metrics.maxConcurrency());
        if (kind == StackKind.KINESIS) {
            out.printf("Kinesis: max iterator age %s s, %d on-failure arrivals (one per batch given up), %d refused puts;"
                    + " CloudWatch has no shard-blocking retries%n", metrics.maxIteratorAgeSeconds(), metrics.onFailureRecords(),
                    data.pipelineCounts().total(PipelineEventKind.PUT_THROTTLE));
        }
        out.println(MetricsTable.format(List.of(metrics), List.of(runId)));
    }

    private void checkDeploys(StackKind kind, Scenario scenario) {
        if (!kind.deploys(scenario.pipeline())) {
            throw new UserError("--scenario: scenario '" + scenario.name() + "' is pipeline " + scenario.pipeline().fileName()
                    + ", but stack '" + stack + "' is " + (kind == StackKind.KINESIS ? "the Kinesis pipeline's (output "
                    + AwsRunMetrics.STREAM + ")" : "a topic pipeline's (output " + AwsRunMetrics.TOPIC + ")")
                    + "; name the deployed scenario file with --scenario");
        }
    }

    private MetricWindow window(List<InvocationRow> rows, Scenario scenario) {
        Instant start = from != null ? from : AwsRunImport.firstTime(rows).map(this::toPeriod).orElse(null);
        Instant end = to != null ? to : AwsRunImport.lastTime(rows).map(last -> last.plus(dlqDelay(scenario))).orElse(null);
        if (start == null || end == null) {
            throw new UserError("--run-id: no invocations rows for run '" + runId
                    + "' in the results database to take the time window from; give --from and --to");
        }
        return new MetricWindow(start, end, period);
    }

    private Instant toPeriod(Instant instant) {
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), period) * period);
    }

    /** How long after the last row a message may still reach the DLQ. */
    private static Duration dlqDelay(Scenario scenario) {
        Duration minimum = Duration.ofMinutes(5);
        if (scenario.pipeline() == Pipeline.API_KINESIS_LAMBDA) {
            // A record the mapping gives up on for its age reaches the on-failure queue up to that age later.
            Duration age = Duration.ofSeconds(Math.max(0, scenario.stream().maxRecordAgeSeconds()) + 60L);
            return age.compareTo(minimum) > 0 ? age : minimum;
        }
        if (!scenario.pipeline().queued()) {
            return minimum;
        }
        Duration retries = Duration.ofSeconds((long) scenario.queue().maxReceiveCount()
                * scenario.queue().visibilityTimeoutSeconds() + 60);
        return retries.compareTo(minimum) > 0 ? retries : minimum;
    }

    private static long count(RunData data, PipelineEventKind kind) {
        return data.pipelineEvents().stream().filter(event -> event.kind() == kind).count();
    }
}
