package io.streamlimit.testing;

import io.streamlimit.ledger.DynamoDbLedgerStore;
import io.streamlimit.ledger.LedgerTableSchema;
import io.streamlimit.node.Dynalite;
import io.streamlimit.node.NodeService;
import io.streamlimit.tracker.TrackerTableSchema;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * dynalite, the open-source DynamoDB server, in memory on a free loopback port: a Node.js child
 * process shared by every test of the JVM (it exits with the JVM); tests isolate themselves with a
 * fresh table each. Shipped in the module's test-jar for the other modules' tests.
 */
public final class LocalDynamoDb {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynamoDbClient client;

    private LocalDynamoDb() {
    }

    /** The SDK v2 client of the shared in-memory dynalite, started on first use. */
    public static synchronized DynamoDbClient client() {
        if (client == null) {
            NodeService server = Dynalite.start(0, null);
            client = DynamoDbClient.builder()
                    .endpointOverride(Dynalite.endpoint(server))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "dynalite-shutdown"));
        }
        return client;
    }

    /** A unique table name with the given prefix, e.g. {@code ledger-7}. */
    public static String uniqueTableName(String prefix) {
        return prefix + "-" + TABLES.incrementAndGet();
    }

    /** Creates a new, empty ledger table (key schema and TTL as in AWS) and returns its name. */
    public static String newLedgerTable() {
        String name = uniqueTableName("ledger");
        LedgerTableSchema.createIfMissing(client(), name);
        return name;
    }

    /** A store over a new, empty ledger table. */
    public static DynamoDbLedgerStore newLedgerStore() {
        return new DynamoDbLedgerStore(client(), newLedgerTable());
    }

    /** Creates a new, empty tracker table, waits until it is active and returns its name. */
    public static String newTrackerTable() {
        String name = uniqueTableName("tracker");
        client().createTable(TrackerTableSchema.createTableRequest(name));
        // dynalite, like DynamoDB, answers CreateTable while the table is still CREATING; a test
        // that wrote at once sometimes got "Requested resource not found".
        client().waiter().waitUntilTableExists(b -> b.tableName(name));
        return name;
    }
}
