package io.streamlimit.local.bench;

import io.streamlimit.ledger.LedgerTableSchema;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * (1) dynalite on its own: conditional PutItems shaped like the ledger's (an item with the
 * three maps, written on its version), each thread on its own keys so that every condition holds
 * and the figure is the server's, not contention's; and consistent GetItems of those items. The
 * writes can be measured in several windows, to be combined around what they are compared with.
 */
final class RawDynamoDbBench {

    static final String TABLE = "streamlimit-bench-raw";
    /** Keys per writer thread: enough to spread over the table, few enough to read back. */
    private static final int KEYS_PER_THREAD = 256;

    private final DynamoDbClient dynamoDb;
    private final int threads;
    private final long[][] versions;

    RawDynamoDbBench(DynamoDbClient dynamoDb, int threads) {
        this.dynamoDb = dynamoDb;
        this.threads = threads;
        this.versions = new long[threads][KEYS_PER_THREAD];
        dynamoDb.createTable(LedgerTableSchema.createTableRequest(TABLE));
    }

    /** Conditional writes from the threads, back to back. */
    ClosedLoop.Result writes(Duration warmUp, Duration measure) throws InterruptedException {
        return ClosedLoop.measure("dynamodb-write", threads, warmUp, measure, (thread, i) -> {
            int key = (int) (i % KEYS_PER_THREAD);
            long expected = versions[thread][key];
            try {
                dynamoDb.putItem(conditionalPut(key(thread, key), expected));
                versions[thread][key] = expected + 1;
            } catch (ConditionalCheckFailedException e) {
                // Only after a write that failed on the client but landed: catch up and count the error.
                versions[thread][key] = currentVersion(key(thread, key));
                throw e;
            }
        });
    }

    /** A consistent GetItem of a written item, for an open loop to offer. */
    OpenLoop.Request consistentGet() {
        // Keys are written in order, so each thread's written keys are a prefix of its range.
        int[] written = new int[threads];
        for (int t = 0; t < threads; t++) {
            while (written[t] < KEYS_PER_THREAD && versions[t][written[t]] > 0) {
                written[t]++;
            }
        }
        return index -> {
            int thread = (int) (index % threads);
            String key = key(thread, (int) ((index / threads) % Math.max(1, written[thread])));
            if (!dynamoDb.getItem(b -> b.tableName(TABLE).consistentRead(true)
                    .key(Map.of(LedgerTableSchema.PARTITION_KEY, AttributeValue.fromS(key)))).hasItem()) {
                throw new IllegalStateException("no item " + key);
            }
        };
    }

    private long currentVersion(String key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(TABLE).consistentRead(true)
                .key(Map.of(LedgerTableSchema.PARTITION_KEY, AttributeValue.fromS(key)))).item();
        return item == null || !item.containsKey("version") ? 0 : Long.parseLong(item.get("version").n());
    }

    private static String key(int thread, int key) {
        return "raw-" + thread + "-" + key;
    }

    /** What DynamoDbLedgerStore writes for a uid with two open streams and one closed. */
    private static PutItemRequest conditionalPut(String uid, long expectedVersion) {
        long now = System.currentTimeMillis();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(LedgerTableSchema.PARTITION_KEY, AttributeValue.fromS(uid));
        item.put("active", AttributeValue.fromM(Map.of("stream-a-" + expectedVersion, AttributeValue.fromN(Long.toString(now)),
                "stream-b", AttributeValue.fromN(Long.toString(now)))));
        item.put("closed", AttributeValue.fromM(Map.of("stream-c", AttributeValue.fromN(Long.toString(now)))));
        item.put("denied", AttributeValue.fromM(Map.of()));
        item.put("version", AttributeValue.fromN(Long.toString(expectedVersion + 1)));
        item.put(LedgerTableSchema.TTL_ATTRIBUTE, AttributeValue.fromN(Long.toString(now / 1000 + 14_400)));
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(TABLE).item(item);
        if (expectedVersion == 0) {
            put.conditionExpression("attribute_not_exists(#key)").expressionAttributeNames(Map.of("#key", LedgerTableSchema.PARTITION_KEY));
        } else {
            put.conditionExpression("#version = :expected").expressionAttributeNames(Map.of("#version", "version"))
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion))));
        }
        return put.build();
    }
}
