package io.streamlimit.tracker;

import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import static io.streamlimit.tracker.TrackerTableSchema.COUNT_ATTRIBUTE;
import static io.streamlimit.tracker.TrackerTableSchema.ISSUED_AT_ATTRIBUTE;
import static io.streamlimit.tracker.TrackerTableSchema.PARTITION_KEY;
import static io.streamlimit.tracker.TrackerTableSchema.PATH_ATTRIBUTE;
import static io.streamlimit.tracker.TrackerTableSchema.TOKEN_ATTRIBUTE;

/**
 * Counts in DynamoDB, exactly, for any number of instances sharing the table.
 *
 * <p>The usual request is one {@code UpdateItem ADD count 1} on an existing counter item,
 * conditional on that item existing, returning the new value: DynamoDB applies it atomically, so
 * concurrent callers each get a distinct count. The first request for a (token, path) finds no
 * counter, so it reads the token item (consistently) and creates the counter with count 1,
 * conditional on its absence; a caller that loses a race to create it goes back to the
 * {@code ADD}. An unknown token writes nothing.
 */
public final class DynamoDbTrackerStore implements TrackerStore {

    /** Only races on a counter's creation loop; a handful of rounds settles any of them. */
    private static final int MAX_ATTEMPTS = 10;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbTrackerStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean createToken(String token, long issuedAtMillis) {
        try {
            dynamoDb.putItem(b -> b.tableName(tableName)
                    .item(Map.of(
                            PARTITION_KEY, s(TrackerTableSchema.tokenKey(token)),
                            ISSUED_AT_ATTRIBUTE, n(issuedAtMillis)))
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
        try {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                OptionalLong added = addToExistingCounter(token, path);
                if (added.isPresent()) {
                    return added;
                }
                CreateOutcome created = createCounter(token, path);
                if (created == CreateOutcome.CREATED) {
                    return OptionalLong.of(1);
                }
                if (created == CreateOutcome.UNKNOWN_TOKEN) {
                    return OptionalLong.empty();
                }
                // RETRY: another caller created the counter first.
            }
        } catch (SdkException e) {
            throw unavailable(e);
        }
        throw new TrackerUnavailableException(
                "could not count after " + MAX_ATTEMPTS + " attempts in table " + tableName, null);
    }

    /** The new count, or empty if the counter item does not exist yet. */
    private OptionalLong addToExistingCounter(String token, String path) {
        try {
            Map<String, AttributeValue> updated = dynamoDb.updateItem(b -> b.tableName(tableName)
                    .key(Map.of(PARTITION_KEY, s(TrackerTableSchema.counterKey(token, path))))
                    .updateExpression("ADD #count :one")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#count", COUNT_ATTRIBUTE, "#pk", PARTITION_KEY))
                    .expressionAttributeValues(Map.of(":one", n(1)))
                    .returnValues(ReturnValue.UPDATED_NEW))
                    .attributes();
            return OptionalLong.of(Long.parseLong(updated.get(COUNT_ATTRIBUTE).n()));
        } catch (ConditionalCheckFailedException e) {
            return OptionalLong.empty();
        }
    }

    private enum CreateOutcome { CREATED, UNKNOWN_TOKEN, RETRY }

    /**
     * Creates the counter at 1 if the token exists: a strongly consistent GetItem of the token,
     * then a PutItem conditional on the counter not existing. This decides as a transaction of
     * the two would, because token items are never deleted: a token the read sees still exists
     * at the write. It costs less in AWS (a read unit and a write unit, where a transaction bills
     * each item twice), and it runs on servers without TransactWriteItems (dynalite).
     */
    private CreateOutcome createCounter(String token, String path) {
        boolean tokenExists = dynamoDb.getItem(b -> b.tableName(tableName)
                        .key(Map.of(PARTITION_KEY, s(TrackerTableSchema.tokenKey(token))))
                        .projectionExpression("#pk")
                        .expressionAttributeNames(Map.of("#pk", PARTITION_KEY))
                        .consistentRead(true))
                .hasItem();
        if (!tokenExists) {
            return CreateOutcome.UNKNOWN_TOKEN;
        }
        try {
            dynamoDb.putItem(b -> b.tableName(tableName)
                    .item(Map.of(
                            PARTITION_KEY, s(TrackerTableSchema.counterKey(token, path)),
                            COUNT_ATTRIBUTE, n(1),
                            TOKEN_ATTRIBUTE, s(token),
                            PATH_ATTRIBUTE, s(path)))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PARTITION_KEY)));
            return CreateOutcome.CREATED;
        } catch (ConditionalCheckFailedException e) {
            // Another caller created the counter first: add to it on the next round.
            return CreateOutcome.RETRY;
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
