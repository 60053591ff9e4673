package io.streamlimit.testing;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.streamlimit.ledger.DynamoDbLedgerStore;
import io.streamlimit.ledger.LedgerTableSchema;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local running inside the test JVM: no port, no process, no Docker. One instance is
 * shared by every test of the JVM (starting it costs about a second); tests isolate themselves
 * with a fresh table each. Shipped in the module's test-jar for the other modules' tests.
 */
public final class DynamoDbLocalSupport {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static AmazonDynamoDBLocal local;
    private static DynamoDbClient client;

    private DynamoDbLocalSupport() {
    }

    /** The SDK v2 client of the shared in-memory DynamoDB Local, started on first use. */
    public static synchronized DynamoDbClient client() {
        if (client == null) {
            local = DynamoDBEmbedded.create();
            client = local.dynamoDbClient();
            Runtime.getRuntime().addShutdownHook(new Thread(local::shutdown, "dynamodb-local-shutdown"));
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
}
