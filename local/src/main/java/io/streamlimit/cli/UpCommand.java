package io.streamlimit.cli;

import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.local.api.LocalService;
import io.streamlimit.local.sns.LocalSnsServer;
import io.streamlimit.local.stack.LocalStack;
import io.streamlimit.local.stack.LocalStackOptions;
import io.streamlimit.scenario.StreamSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamlimit up}: the HTTP API and the tracker on the embedded stack, until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {
            "Serves the HTTP API (GET /check/{uid}, POST /acquire, POST /release, POST /events, POST /records)",
            "and the request-count tracker on the embedded stack, and prints every endpoint. Stop with Ctrl-C."})
final class UpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port of the HTTP API (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--tracker-port", defaultValue = "6380", description = "Port of the tracker (default: ${DEFAULT-VALUE}).")
    int trackerPort;

    @Option(names = "--dynamodb-port", defaultValue = "0",
            description = "Port of the local DynamoDB (dynalite), so other processes (e.g. more trackers) can share it (default: a free port).")
    int dynamoDbPort;

    @Option(names = "--results-port", defaultValue = "0",
            description = "Port of the embedded results PostgreSQL, e.g. for Grafana (default: a free port).")
    int resultsPort;

    @Option(names = "--kinesis-port", defaultValue = "0",
            description = "Port of the local Kinesis (kinesis-local), e.g. for the AWS CLI (default: a free port).")
    int kinesisPort;

    @Option(names = "--data", paramLabel = "DIR", description = "Keep DynamoDB's tables in DIR (default: in memory).")
    Path data;

    @Option(names = "--limit", defaultValue = "3", description = "Streams each uid may have open at once (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--lease-minutes", defaultValue = "240",
            description = "A stream with no close frees its slot after this long (default: ${DEFAULT-VALUE}).")
    long leaseMinutes;

    @Mixin
    ResultsOptions results;

    @Override
    public Integer call() throws Exception {
        Preflight preflight = new Preflight(spec);
        preflight.range("--port", port, 1, 65535);
        preflight.range("--tracker-port", trackerPort, 1, 65535);
        preflight.range("--dynamodb-port", dynamoDbPort, 0, 65535);
        preflight.range("--results-port", resultsPort, 0, 65535);
        preflight.range("--kinesis-port", kinesisPort, 0, 65535);
        if (port == trackerPort) {
            throw preflight.error("--tracker-port: must differ from --port, both are " + port);
        }
        results.check(preflight);
        if (results.resultsJdbc == null) {
            Optional<UpState> running = UpState.running(results.resultsDir);
            if (running.isPresent()) {
                throw preflight.error("--results-dir: another 'streamlimit up' (pid " + running.get().pid() + ", results database "
                        + running.get().jdbcUrl() + ") is running on " + results.resultsDir + "; stop it first or pass another --results-dir");
            }
            if (EmbeddedLock.isHeld(results.resultsDir)) {
                throw preflight.error("--results-dir: " + results.resultsDir
                        + " is in use by another streamlimit command; wait for it to finish or pass another --results-dir");
            }
        }
        PortCheck.free(preflight, "--port", port);
        PortCheck.free(preflight, "--tracker-port", trackerPort);
        PortCheck.free(preflight, "--dynamodb-port", dynamoDbPort);
        PortCheck.free(preflight, "--results-port", resultsPort);
        PortCheck.free(preflight, "--kinesis-port", kinesisPort);

        LedgerSettings ledger = LedgerSettings.defaults().withLimit(limit).withLeaseDuration(Duration.ofMinutes(leaseMinutes));
        PrintWriter out = spec.commandLine().getOut();
        LocalStackOptions options = new LocalStackOptions(dynamoDbPort, data, 0, results.resultsDir, resultsPort, results.resultsJdbc)
                .withKinesis(kinesisPort, StreamSpec.DEFAULT_SHARDS);
        LocalStack stack = LocalStack.start(options);
        LocalService service;
        try {
            service = LocalService.start(stack, ledger, new LocalService.Ports(port, trackerPort), Clock.systemUTC());
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        Runnable stop = new Stopper(service, stack, results.resultsJdbc == null ? results.resultsDir : null);
        // Ctrl-C runs the hook: everything stops cleanly, and the embedded PostgreSQL keeps its data.
        Thread hook = new Thread(stop, "streamlimit-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (results.resultsJdbc == null) {
            new UpState(ProcessHandle.current().pid(), stack.resultsDatabase().jdbcUrl()).write(results.resultsDir);
        }
        printEndpoints(out, stack, service);
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            // stopped from within the JVM (a test, an embedding program) rather than by Ctrl-C
            Runtime.getRuntime().removeShutdownHook(hook);
            stop.run();
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Stops the service and the stack once, whoever asks first, and removes the state file other commands read. */
    private static final class Stopper implements Runnable {
        private final LocalService service;
        private final LocalStack stack;
        private final Path stateOf;
        private final AtomicBoolean stopped = new AtomicBoolean();

        Stopper(LocalService service, LocalStack stack, Path stateOf) {
            this.service = service;
            this.stack = stack;
            this.stateOf = stateOf;
        }

        @Override
        public void run() {
            if (stopped.compareAndSet(false, true)) {
                if (stateOf != null) {
                    UpState.remove(stateOf);
                }
                service.close();
                stack.close();
            }
        }
    }

    private static void printEndpoints(PrintWriter out, LocalStack stack, LocalService service) {
        String api = service.apiUrl().toString().replaceAll("/$", "");
        out.println("streamlimit is up. Stop with Ctrl-C.");
        out.println();
        out.println("  HTTP API      " + api);
        out.println("                curl " + api + "/check/player-42");
        out.println("                curl -X POST " + api + "/acquire -d '{\"uid\":\"player-42\",\"streamId\":\"s-1\"}'");
        out.println("                curl -X POST " + api + "/events -d '{\"type\":\"open\",\"uid\":\"player-42\",\"streamId\":\"s-2\"}'");
        out.println("                curl -X POST " + api + "/records -d '{\"type\":\"open\",\"uid\":\"player-42\",\"streamId\":\"s-3\"}'");
        out.println("  Tracker       " + service.trackerUrl() + "  (curl " + service.trackerUrl().toString().replaceAll("/$", "") + "/auth)");
        out.println("  DynamoDB      " + stack.dynamoDbEndpoint() + "  (tables streamlimit-ledger, streamlimit-tracker)");
        out.println("  SQS           " + stack.sqsEndpoint() + "  (queue streamlimit-events, DLQ streamlimit-events-dlq;"
                + " FIFO queue streamlimit-events.fifo, DLQ streamlimit-events-dlq.fifo)");
        out.println("  SNS           " + stack.snsServer().endpoint() + "  (topic " + service.topicArn() + ")");
        out.println("                FIFO topic " + service.fifoTopicArn() + " (MessageGroupId and MessageDeduplicationId required)");
        out.println("                aws --endpoint-url " + stack.snsServer().endpoint() + " sns publish --topic-arn "
                + service.fifoTopicArn() + " --message-group-id player-42 --message-deduplication-id open-s-3"
                + " --message '{\"type\":\"open\",\"uid\":\"player-42\",\"streamId\":\"s-3\"}'");
        out.println("                serves " + String.join(", ", LocalSnsServer.ACTIONS) + " only");
        out.println("                aws --endpoint-url " + stack.snsServer().endpoint() + " sns list-topics");
        out.println("  Kinesis       " + stack.kinesisEndpoint() + "  (stream " + LocalStack.STREAM_NAME + ", on-failure queue "
                + LocalService.ON_FAILURE_QUEUE + ")");
        out.println("                aws --endpoint-url " + stack.kinesisEndpoint() + " --region us-east-1 kinesis put-record"
                + " --stream-name " + LocalStack.STREAM_NAME + " --partition-key player-42"
                + " --data '{\"type\":\"open\",\"uid\":\"player-42\",\"streamId\":\"s-4\"}'");
        out.println("                (AWS CLI v2: add --cli-binary-format raw-in-base64-out)");
        out.println("  Results DB    " + stack.resultsDatabase().jdbcUrl()
                + (stack.resultsDatabase().port() > 0 ? "  (PostgreSQL on 127.0.0.1:" + stack.resultsDatabase().port() + ", user postgres)" : ""));
        out.flush();
    }
}
