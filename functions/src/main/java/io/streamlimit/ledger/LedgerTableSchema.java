package io.streamlimit.ledger;

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
}
