package io.streamlimit.tracker;

import io.streamlimit.dynamodb.OnDemandTable;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * The tracker table's key schema, in the one place that the DynamoDB store, the local stack and
 * the CDK app all read.
 *
 * <p>One table holds two kinds of item under one string partition key: a token item
 * ({@code token#<uuid>}) and one counter item per (token, path) ({@code count#<uuid>#<path>}).
 * No sort key: a sort key is limited to 1,024 bytes, which a 1,024-byte path plus a prefix would
 * exceed, while a partition key may hold 2,048; and one partition per counter spreads the load
 * instead of putting every path of a busy token on one hot key.
 */
public final class TrackerTableSchema {

    /** Default table name when the settings name none. */
    public static final String DEFAULT_TABLE_NAME = "streamlimit-tracker";
    /** Partition key (string): {@link #tokenKey} or {@link #counterKey}. */
    public static final String PARTITION_KEY = "pk";
    /** Number attribute of a counter item: the requests counted so far. */
    public static final String COUNT_ATTRIBUTE = "count";
    /** String attributes kept on counter items so that a scan of the table reads plainly. */
    public static final String TOKEN_ATTRIBUTE = "token";
    public static final String PATH_ATTRIBUTE = "path";
    /** Number attribute of a token item: when it was issued, epoch milliseconds. */
    public static final String ISSUED_AT_ATTRIBUTE = "issuedAt";
    /**
     * Number attribute of both kinds of item, epoch seconds: when it expires, a configurable time
     * after its last use ({@link TrackerItemExpiry}). The CDK stack turns TTL on over it; reads
     * check it themselves, since TTL deletes lazily.
     */
    public static final String EXPIRES_AT_ATTRIBUTE = "expiresAt";

    private static final String TOKEN_PREFIX = "token#";
    private static final String COUNTER_PREFIX = "count#";

    private TrackerTableSchema() {
    }

    public static String tokenKey(String token) {
        return TOKEN_PREFIX + token;
    }

    public static String counterKey(String token, String path) {
        return COUNTER_PREFIX + token + "#" + path;
    }

    /** The table as the local stack and the tests create it (on demand, like the CDK stack). */
    public static CreateTableRequest createTableRequest(String tableName) {
        return OnDemandTable.withStringKey(tableName, PARTITION_KEY);
    }
}
