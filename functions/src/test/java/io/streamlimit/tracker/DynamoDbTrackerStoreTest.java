package io.streamlimit.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.testing.LocalDynamoDb;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbTrackerStoreTest extends TrackerStoreContract {

    private final DynamoDbClient client = LocalDynamoDb.client();
    private String table;

    @Override
    TrackerStore newStore() {
        table = LocalDynamoDb.newTrackerTable();
        return new DynamoDbTrackerStore(client, table);
    }

    @Override
    TrackerStore sameTableStore() {
        return new DynamoDbTrackerStore(client, table);
    }

    @Test
    void unknown_token_writes_no_item() {
        TrackerStore store = newStore();
        store.increment(UUID.randomUUID().toString(), "/");
        assertThat(client.scan(b -> b.tableName(table)).count()).isZero();
    }

    @Test
    void a_path_of_1024_bytes_fits_the_partition_key() {
        TrackerStore store = newStore();
        String token = UUID.randomUUID().toString();
        store.createToken(token, 0);
        assertThat(store.increment(token, "/" + "a".repeat(1023))).hasValue(1);
    }

    @Test
    void a_missing_table_is_reported_as_unavailable_not_as_an_sdk_exception() {
        TrackerStore store = new DynamoDbTrackerStore(client, "no-such-table");
        assertThatThrownBy(() -> store.increment(UUID.randomUUID().toString(), "/"))
                .isInstanceOf(TrackerUnavailableException.class)
                .hasMessageContaining("no-such-table");
    }
}
