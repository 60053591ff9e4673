package io.streamlimit.tracker;

import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import static io.streamlimit.tracker.TrackerTableSchema.COUNT_ATTRIBUTE;
import static io.streamlimit.tracker.TrackerTableSchema.EXPIRES_AT_ATTRIBUTE;
import static io.streamlimit.tracker.TrackerTableSchema.ISSUED_AT_ATTRIBUTE;
import static io.streamlimit.tracker.TrackerTableSchema.PARTITION_KEY;
import static io.streamlimit.tracker.TrackerTableSchema.PATH_ATTRIBUTE;
import static io.streamlimit.tracker.TrackerTableSchema.TOKEN_ATTRIBUTE;

/**
 * Counts in DynamoDB, exactly, for any number of instances sharing the table.
 *
 * <p>Every item carries an expiry ({@link TrackerItemExpiry}), checked on each read because TTL
 * deletes late. A count first extends its token, conditional on the token existing and being
 * live: an unknown or expired token fails that condition and nothing is written. Then it
 * extends the counter with one {@code UpdateItem ADD count 1}, conditional on a live counter,
 * returning the new value: DynamoDB applies it atomically, so concurrent callers each get a
 * distinct count. The first request for a (token, path), or the first after the counter expired,
 * puts a counter with count 1, conditional on there being no live one; a caller that loses that
 * race goes back to the {@code ADD}. The token is extended before its counter, so a token always
 * outlives its counters' last use.
 */
public final class DynamoDbTrackerStore implements TrackerStore {

    /** Only races on a counter's creation loop; a handful of rounds settles any of them. */
    private static final int MAX_ATTEMPTS = 10;
    private static final String LIVE = "attribute_exists(#pk) AND (attribute_not_exists(#exp) OR #exp > :now)";
    private static final String ABSENT_OR_EXPIRED = "attribute_not_exists(#pk) OR #exp <= :now";
    private static final Map<String, String> NAMES = Map.of("#pk", PARTITION_KEY, "#exp", EXPIRES_AT_ATTRIBUTE);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final TrackerItemExpiry expiry;

    /** Items expire {@link TrackerItemExpiry#DEFAULT_LIFETIME} after their last use, on the system clock. */
    public DynamoDbTrackerStore(DynamoDbClient dynamoDb, String tableName) {
        this(dynamoDb, tableName, TrackerItemExpiry.defaults());
    }

    public DynamoDbTrackerStore(DynamoDbClient dynamoDb, String tableName, TrackerItemExpiry expiry) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.expiry = expiry;
    }

    @Override
    public boolean createToken(String token, long issuedAtMillis) {
        try {
            dynamoDb.putItem(b -> b.tableName(tableName)
                    .item(Map.of(
                            PARTITION_KEY, s(TrackerTableSchema.tokenKey(token)),
                            ISSUED_AT_ATTRIBUTE, n(issuedAtMillis),
                            EXPIRES_AT_ATTRIBUTE, n(expiry.expiresAtSeconds(expiry.nowMillis()))))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PARTITION_KEY)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    @Override
    public OptionalLong increment(String token, String path) {
        long now = expiry.nowMillis();
        try {
            if (!extendToken(token, now)) {
                return OptionalLong.empty();
            }
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                OptionalLong added = addToLiveCounter(token, path, now);
                if (added.isPresent()) {
                    return added;
                }
                if (createCounter(token, path, now)) {
                    return OptionalLong.of(1);
                }
                // Another caller created the counter first: it is live now, so the ADD finds it.
            }
        } catch (SdkException e) {
            throw unavailable(e);
        }
        throw new TrackerUnavailableException(
                "could not count after " + MAX_ATTEMPTS + " attempts in table " + tableName, null);
    }

    /** Moves a live token's expiry on; false if the token was never issued or has expired. */
    private boolean extendToken(String token, long now) {
        try {
            dynamoDb.updateItem(b -> b.tableName(tableName)
                    .key(Map.of(PARTITION_KEY, s(TrackerTableSchema.tokenKey(token))))
                    .updateExpression("SET #exp = :exp")
                    .conditionExpression(LIVE)
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(Map.of(":exp", n(expiry.expiresAtSeconds(now)),
                            ":now", n(TrackerItemExpiry.nowSeconds(now)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The new count, or empty if there is no live counter item. */
    private OptionalLong addToLiveCounter(String token, String path, long now) {
        try {
            Map<String, AttributeValue> updated = dynamoDb.updateItem(b -> b.tableName(tableName)
                    .key(Map.of(PARTITION_KEY, s(TrackerTableSchema.counterKey(token, path))))
                    .updateExpression("ADD #count :one SET #exp = :exp")
                    .conditionExpression(LIVE)
                    .expressionAttributeNames(Map.of("#count", COUNT_ATTRIBUTE, "#pk", PARTITION_KEY, "#exp", EXPIRES_AT_ATTRIBUTE))
                    .expressionAttributeValues(Map.of(":one", n(1), ":exp", n(expiry.expiresAtSeconds(now)),
                            ":now", n(TrackerItemExpiry.nowSeconds(now))))
                    .returnValues(ReturnValue.UPDATED_NEW))
                    .attributes();
            return OptionalLong.of(Long.parseLong(updated.get(COUNT_ATTRIBUTE).n()));
        } catch (ConditionalCheckFailedException e) {
            return OptionalLong.empty();
        }
    }

    /** Puts a first count of 1, replacing an expired counter TTL has not deleted yet; false if a live one exists. */
    private boolean createCounter(String token, String path, long now) {
        try {
            dynamoDb.putItem(b -> b.tableName(tableName)
                    .item(Map.of(
                            PARTITION_KEY, s(TrackerTableSchema.counterKey(token, path)),
                            COUNT_ATTRIBUTE, n(1),
                            TOKEN_ATTRIBUTE, s(token),
                            PATH_ATTRIBUTE, s(path),
                            EXPIRES_AT_ATTRIBUTE, n(expiry.expiresAtSeconds(now))))
                    .conditionExpression(ABSENT_OR_EXPIRED)
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(Map.of(":now", n(TrackerItemExpiry.nowSeconds(now)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private TrackerUnavailableException unavailable(SdkException e) {
        return new TrackerUnavailableException("tracker table " + tableName + " is unavailable: " + e.getMessage(), e);
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }
}
