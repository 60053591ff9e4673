package io.streamlimit.tracker;

import io.streamlimit.testing.LocalDynamoDb;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Expiry on DynamoDB Local, whose tracker tables have no TTL: expired items stay stored, as TTL leaves them for a while. */
class DynamoDbTrackerExpiryTest extends TrackerExpiryContract {

    private final DynamoDbClient client = LocalDynamoDb.client();
    private String table;

    @Override
    TrackerStore newStore(TrackerItemExpiry expiry) {
        table = LocalDynamoDb.newTrackerTable();
        return new DynamoDbTrackerStore(client, table, expiry);
    }

    @Test
    void tokens_and_counters_carry_their_expiry_in_epoch_seconds() {
        TrackerStore store = newStore();
        String token = token();
        long issued = clock.millis();
        store.createToken(token, issued);
        assertThat(expiresAt(TrackerTableSchema.tokenKey(token))).isEqualTo(issued / 1000 + LIFETIME.getSeconds());

        clock.advance(java.time.Duration.ofDays(3));
        store.increment(token, "/p");
        long extended = clock.millis() / 1000 + LIFETIME.getSeconds();
        assertThat(expiresAt(TrackerTableSchema.tokenKey(token))).isEqualTo(extended);
        assertThat(expiresAt(TrackerTableSchema.counterKey(token, "/p"))).isEqualTo(extended);
    }

    @Test
    void an_expired_token_still_stored_is_refused_and_nothing_is_written() {
        TrackerStore store = newStore();
        String token = token();
        store.createToken(token, clock.millis());
        clock.advance(LIFETIME);

        assertThat(store.increment(token, "/")).isEmpty();
        assertThat(client.scan(b -> b.tableName(table)).items())
                .extracting(item -> item.get(TrackerTableSchema.PARTITION_KEY).s())
                .containsExactly(TrackerTableSchema.tokenKey(token));
        assertThat(expiresAt(TrackerTableSchema.tokenKey(token))).isEqualTo(clock.millis() / 1000);
    }

    @Test
    void an_expired_counter_still_stored_is_replaced_by_a_first_count() {
        TrackerStore store = newStore();
        String token = token();
        store.createToken(token, clock.millis());
        store.increment(token, "/old");
        store.increment(token, "/old");
        clock.advance(LIFETIME.minus(java.time.Duration.ofSeconds(1)));
        store.increment(token, "/other"); // keeps the token, not /old
        clock.advance(java.time.Duration.ofSeconds(1));

        assertThat(store.increment(token, "/old")).hasValue(1);
        assertThat(client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(TrackerTableSchema.PARTITION_KEY,
                        AttributeValue.builder().s(TrackerTableSchema.counterKey(token, "/old")).build())))
                .item().get(TrackerTableSchema.COUNT_ATTRIBUTE).n()).isEqualTo("1");
    }

    @Test
    void items_written_before_expiry_existed_count_on_and_get_an_expiry() {
        TrackerStore store = newStore();
        String token = token();
        client.putItem(b -> b.tableName(table).item(Map.of(
                TrackerTableSchema.PARTITION_KEY, AttributeValue.builder().s(TrackerTableSchema.tokenKey(token)).build(),
                TrackerTableSchema.ISSUED_AT_ATTRIBUTE, AttributeValue.builder().n("0").build())));
        client.putItem(b -> b.tableName(table).item(Map.of(
                TrackerTableSchema.PARTITION_KEY, AttributeValue.builder().s(TrackerTableSchema.counterKey(token, "/")).build(),
                TrackerTableSchema.COUNT_ATTRIBUTE, AttributeValue.builder().n("41").build())));

        assertThat(store.increment(token, "/")).hasValue(42);
        assertThat(expiresAt(TrackerTableSchema.tokenKey(token))).isEqualTo(clock.millis() / 1000 + LIFETIME.getSeconds());
    }

    private long expiresAt(String key) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(TrackerTableSchema.PARTITION_KEY, AttributeValue.builder().s(key).build()))).item();
        return Long.parseLong(item.get(TrackerTableSchema.EXPIRES_AT_ATTRIBUTE).n());
    }
}
