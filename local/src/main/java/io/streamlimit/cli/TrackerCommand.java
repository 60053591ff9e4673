package io.streamlimit.cli;

import io.streamlimit.local.AwsClients;
import io.streamlimit.local.dynamodb.DynamoDbServer;
import io.streamlimit.local.tracker.TrackerServer;
import io.streamlimit.tracker.TrackerTableSchema;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code streamlimit tracker}: one tracker instance, until Ctrl-C. */
@Command(
        name = "tracker",
        mixinStandardHelpOptions = true,
        description = {
            "Serves the request-count tracker: GET /auth gives a token; GET /<path> with 'Authorization: <token>' counts it.",
            "Start several on different ports with the same --dynamodb-endpoint to share one set of counts."
        })
public final class TrackerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "6380", description = "Port on 127.0.0.1 (0 = a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--dynamodb-endpoint", paramLabel = "URL",
            description = "DynamoDB to use, e.g. http://127.0.0.1:8000; without it, an in-memory dynalite (the local DynamoDB) starts here.")
    URI dynamoDbEndpoint;

    @Option(names = "--table", defaultValue = TrackerTableSchema.DEFAULT_TABLE_NAME,
            description = "Tracker table, created if missing. Default: ${DEFAULT-VALUE}.")
    String table;

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        Preflight preflight = new Preflight(spec);
        preflight.range("--port", port, 0, 65535);
        if (dynamoDbEndpoint != null && !("http".equals(dynamoDbEndpoint.getScheme()) || "https".equals(dynamoDbEndpoint.getScheme()))) {
            throw preflight.error("--dynamodb-endpoint: must be a URL such as http://127.0.0.1:8000, got " + dynamoDbEndpoint);
        }
        // Before DynamoDB starts (and prints its banner): a busy port is one line and nothing else.
        PortCheck.free(preflight, "--port", port);
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        Thread hook = new Thread(() -> closeAll(resources), "tracker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            PrintWriter out = spec.commandLine().getOut();
            URI endpoint = dynamoDbEndpoint;
            if (endpoint == null) {
                DynamoDbServer dynamoDb = push(resources, DynamoDbServer.start(0, null));
                endpoint = dynamoDb.endpoint();
                out.println("DynamoDB (dynalite, in memory): " + endpoint);
            }
            DynamoDbClient client = push(resources, AwsClients.dynamoDb(endpoint));
            TrackerServer tracker = push(resources, startTracker(client, endpoint));
            out.println("tracker: " + tracker.url() + " (table " + table + " at " + endpoint + ")");
            out.println("Ctrl-C to stop");
            out.flush();
            stopped.await();
            return 0;
        } finally {
            closeAll(resources);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run: nothing left to remove.
            }
        }
    }

    private TrackerServer startTracker(DynamoDbClient client, URI endpoint) {
        try {
            return TrackerServer.start(client, table, port);
        } catch (UncheckedIOException e) {
            throw new UserError("cannot serve the tracker on port " + port + " (in use?): " + e.getCause().getMessage(), e);
        } catch (SdkException e) {
            throw new UserError("cannot use DynamoDB at " + endpoint + ": " + e.getMessage(), e);
        }
    }

    /** Ends {@link #call()} as Ctrl-C would; for tests and embedding. */
    void stop() {
        stopped.countDown();
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> resources, T resource) {
        synchronized (resources) {
            resources.push(resource);
        }
        return resource;
    }

    /** Newest first; each resource once, whichever of the hook and call() gets here first. */
    private static void closeAll(Deque<AutoCloseable> resources) {
        synchronized (resources) {
            while (!resources.isEmpty()) {
                try {
                    resources.pop().close();
                } catch (Exception e) {
                    System.err.println("while stopping the tracker: " + e);
                }
            }
        }
    }
}
