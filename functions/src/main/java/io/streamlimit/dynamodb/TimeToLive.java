package io.streamlimit.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Turns on a table's TTL where the server has it. In AWS the CDK app owns the tables and their
 * TTL; this is for the local stack and the tests. dynalite, the local server, has no
 * UpdateTimeToLive (it answers UnknownOperationException) and never deletes expired items, which
 * changes nothing here: TTL deletes lazily even in AWS, so every expiry is also checked on read.
 */
public final class TimeToLive {

    private static final String UNKNOWN_OPERATION = "UnknownOperationException";

    private TimeToLive() {
    }

    /**
     * Enables TTL over {@code attribute}.
     *
     * @return false if the server does not support TTL (nothing was changed)
     */
    public static boolean enableWhereSupported(DynamoDbClient dynamoDb, String tableName, String attribute) {
        try {
            dynamoDb.updateTimeToLive(b -> b.tableName(tableName)
                    .timeToLiveSpecification(spec -> spec.attributeName(attribute).enabled(true)));
            return true;
        } catch (DynamoDbException e) {
            if (e.awsErrorDetails() != null && UNKNOWN_OPERATION.equals(e.awsErrorDetails().errorCode())) {
                return false;
            }
            throw e;
        }
    }
}
