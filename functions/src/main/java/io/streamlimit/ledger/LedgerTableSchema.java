package io.streamlimit.ledger;

import io.streamlimit.dynamodb.OnDemandTable;
import io.streamlimit.dynamodb.TimeToLive;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * The ledger table's key schema, in the one place that the DynamoDB store, the local stack and
 * the CDK app all read.
 */
public final class LedgerTableSchema {

    /** Default table name when the settings name none. */
    public static final String DEFAULT_TABLE_NAME = "streamlimit-ledger";
    /** Partition key (string): one item per uid. */
    public static final String PARTITION_KEY = "uid";
    /**
     * TTL attribute (number, epoch seconds): lets DynamoDB delete idle items eventually. TTL
     * deletes lazily, so leases are always checked on read as well.
     */
    public static final String TTL_ATTRIBUTE = "expiresAt";

    private LedgerTableSchema() {
    }

    /** The table as the store expects it: string key {@code uid}, on-demand billing. */
    public static CreateTableRequest createTableRequest(String tableName) {
        return OnDemandTable.withStringKey(tableName, PARTITION_KEY);
    }

    /**
     * Creates the table with TTL (where the server has it: {@link TimeToLive}) unless it exists,
     * and waits until it is active: for the local stack and tests (in AWS the CDK app owns the table).
     */
    public static void createIfMissing(DynamoDbClient dynamoDb, String tableName) {
        try {
            dynamoDb.createTable(createTableRequest(tableName));
        } catch (ResourceInUseException alreadyThere) {
            return;
        }
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        TimeToLive.enableWhereSupported(dynamoDb, tableName, TTL_ATTRIBUTE);
    }
}
