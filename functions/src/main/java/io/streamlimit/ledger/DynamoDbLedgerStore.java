package io.streamlimit.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The ledger in DynamoDB: one item per uid (key {@link LedgerTableSchema#PARTITION_KEY}) holding
 * {@code active} (a map, streamId to lease expiry in epoch ms), the tombstones {@code closed} and
 * {@code denied} (the same mapping as compact JSON strings), a {@code version} number and the
 * TTL attribute. Writes are PutItems conditional on the version.
 *
 * <p>Why the tombstones are strings: a uid can hold hundreds of them. DynamoDB bills a string
 * and a map of the same size alike, but DynamoDB Local (measured before dynalite replaced it in
 * the tests and the local stack) processed an item with a map of 80 numbers about four times
 * slower than one with an 80-entry string.
 */
public final class DynamoDbLedgerStore implements LedgerStore {

    static final String ACTIVE = "active";
    static final String CLOSED = "closed";
    static final String DENIED = "denied";
    static final String VERSION = "version";
    /** DynamoDB's limit of keys per BatchGetItem. */
    public static final int MAX_BATCH_GET = 100;
    private static final int BATCH_GET_ATTEMPTS = 4;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbLedgerStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    @Override
    public UidLedger read(String uid) {
        GetItemResponse response;
        try {
            // Strongly consistent: a decision made on a stale read would only lose its CAS, but
            // a no-op decision (which writes nothing) must see the latest state.
            response = dynamoDb.getItem(b -> b.tableName(tableName).consistentRead(true)
                    .key(Map.of(LedgerTableSchema.PARTITION_KEY, AttributeValue.fromS(uid))));
        } catch (SdkException e) {
            throw new LedgerStoreException("reading uid " + uid + " from table " + tableName + " failed: " + e.getMessage(), e);
        }
        return response.hasItem() ? fromItem(uid, response.item()) : UidLedger.empty(uid);
    }

    /**
     * One strongly consistent BatchGetItem per 100 uids. Keys DynamoDB leaves unprocessed (it
     * may, under load) are asked again with a short back-off; what stays unprocessed is read
     * one by one.
     */
    @Override
    public Map<String, UidLedger> readAll(Collection<String> uids) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(uids));
        Map<String, UidLedger> states = new HashMap<>(distinct.size() * 2);
        for (int from = 0; from < distinct.size(); from += MAX_BATCH_GET) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String uid : distinct.subList(from, Math.min(from + MAX_BATCH_GET, distinct.size()))) {
                keys.add(Map.of(LedgerTableSchema.PARTITION_KEY, AttributeValue.fromS(uid)));
            }
            for (int attempt = 1; !keys.isEmpty() && attempt <= BATCH_GET_ATTEMPTS; attempt++) {
                keys = batchGet(keys, states, attempt);
            }
            for (Map<String, AttributeValue> key : keys) {
                String uid = key.get(LedgerTableSchema.PARTITION_KEY).s();
                states.put(uid, read(uid));
            }
        }
        for (String uid : distinct) {
            states.putIfAbsent(uid, UidLedger.empty(uid));
        }
        return states;
    }

    /** Reads {@code keys} into {@code states}; returns the keys left unprocessed. */
    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys,
                                                       Map<String, UidLedger> states, int attempt) {
        if (attempt > 1) {
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L << attempt));
        }
        BatchGetItemResponse response;
        try {
            List<Map<String, AttributeValue>> asked = keys;
            response = dynamoDb.batchGetItem(b -> b.requestItems(Map.of(tableName,
                    KeysAndAttributes.builder().keys(asked).consistentRead(true).build())));
        } catch (SdkException e) {
            throw new LedgerStoreException("reading " + keys.size() + " uids from table " + tableName + " failed: "
                    + e.getMessage(), e);
        }
        for (Map<String, AttributeValue> item : response.responses().getOrDefault(tableName, List.of())) {
            String uid = item.get(LedgerTableSchema.PARTITION_KEY).s();
            states.put(uid, fromItem(uid, item));
        }
        KeysAndAttributes unprocessed = response.unprocessedKeys().get(tableName);
        return unprocessed == null ? List.of() : unprocessed.keys();
    }

    private static UidLedger fromItem(String uid, Map<String, AttributeValue> item) {
        if (item.isEmpty()) {
            return UidLedger.empty(uid);
        }
        return new UidLedger(uid, millisMap(item.get(ACTIVE)), TombstoneCodec.decode(item.get(CLOSED)),
                TombstoneCodec.decode(item.get(DENIED)), Long.parseLong(item.get(VERSION).n()));
    }

    @Override
    public boolean compareAndSet(UidLedger next, long expectedVersion) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(LedgerTableSchema.PARTITION_KEY, AttributeValue.fromS(next.uid()));
        item.put(ACTIVE, attributeMap(next.active()));
        item.put(CLOSED, TombstoneCodec.encode(next.closed()));
        item.put(DENIED, TombstoneCodec.encode(next.denied()));
        item.put(VERSION, AttributeValue.fromN(Long.toString(next.version())));
        long lastExpiry = next.lastExpiryMillis();
        if (lastExpiry > 0) {
            // TTL only tidies idle items; expiry is always checked on read as well.
            item.put(LedgerTableSchema.TTL_ATTRIBUTE, AttributeValue.fromN(Long.toString(lastExpiry / 1000 + 1)));
        }
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(tableName).item(item);
        if (expectedVersion == 0) {
            put.conditionExpression("attribute_not_exists(#key)")
                    .expressionAttributeNames(Map.of("#key", LedgerTableSchema.PARTITION_KEY));
        } else {
            put.conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#version", VERSION))
                    .expressionAttributeValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedVersion))));
        }
        try {
            dynamoDb.putItem(put.build());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (SdkException e) {
            throw new LedgerStoreException("writing uid " + next.uid() + " to table " + tableName + " failed: " + e.getMessage(), e);
        }
    }

    private static AttributeValue attributeMap(Map<String, Long> millis) {
        Map<String, AttributeValue> values = new HashMap<>(millis.size() * 2);
        millis.forEach((streamId, value) -> values.put(streamId, AttributeValue.fromN(Long.toString(value))));
        return AttributeValue.fromM(values);
    }

    private static Map<String, Long> millisMap(AttributeValue value) {
        if (value == null || !value.hasM()) {
            return Map.of();
        }
        Map<String, Long> millis = new HashMap<>(value.m().size() * 2);
        value.m().forEach((streamId, v) -> millis.put(streamId, Long.parseLong(v.n())));
        return millis;
    }
}
