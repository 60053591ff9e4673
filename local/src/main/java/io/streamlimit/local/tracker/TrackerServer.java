package io.streamlimit.local.tracker;

import io.streamlimit.local.http.HttpApiServer;
import io.streamlimit.tracker.DynamoDbTrackerStore;
import io.streamlimit.tracker.TrackerHandler;
import io.streamlimit.tracker.TrackerService;
import io.streamlimit.tracker.TrackerTableSchema;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * One tracker instance: the tracker handler behind the local HTTP API, on a table that any
 * number of instances, in this JVM or others, may share.
 */
public final class TrackerServer implements AutoCloseable {

    /** The handler mostly waits on DynamoDB, so more threads than cores keep the cores busy. */
    static final int THREADS = 32;

    private final HttpApiServer http;

    private TrackerServer(HttpApiServer http) {
        this.http = http;
    }

    /**
     * Creates the table if it is missing, then serves the tracker on 127.0.0.1:{@code port}
     * (0 = a free port). The client stays the caller's to close.
     */
    public static TrackerServer start(DynamoDbClient client, String tableName, int port) {
        ensureTable(client, tableName);
        TrackerService service = new TrackerService(new DynamoDbTrackerStore(client, tableName), Clock.systemUTC());
        return new TrackerServer(HttpApiServer.start("tracker", port, THREADS, new TrackerHandler(service)));
    }

    /** Idempotent, and safe when several instances start at once. */
    static void ensureTable(DynamoDbClient client, String tableName) {
        try {
            client.createTable(TrackerTableSchema.createTableRequest(tableName));
        } catch (ResourceInUseException e) {
            // It exists, or another instance is creating it right now: either way, wait below.
        }
        client.waiter().waitUntilTableExists(b -> b.tableName(tableName)).matched().exception()
                .ifPresent(e -> {
                    throw new IllegalStateException("table " + tableName + " did not become active", e);
                });
    }

    public URI url() {
        return http.url();
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.close();
    }
}
