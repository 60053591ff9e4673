package io.streamlimit.tracker;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB Local inside the test JVM, shared by the tracker tests; each test makes its own table. */
final class EmbeddedDynamoDb {

    private static AmazonDynamoDBLocal local;

    private EmbeddedDynamoDb() {
    }

    static synchronized DynamoDbClient client() {
        if (local == null) {
            local = DynamoDBEmbedded.create(true); // true: no telemetry from tests
            Runtime.getRuntime().addShutdownHook(new Thread(local::shutdown));
        }
        return local.dynamoDbClient();
    }

    /** Creates a fresh tracker table and returns its name. */
    static String newTrackerTable() {
        String name = "tracker-" + UUID.randomUUID();
        client().createTable(TrackerTableSchema.createTableRequest(name));
        return name;
    }
}
