package io.streamlimit.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.testing.LocalDynamoDb;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The contract on dynalite, plus what only the DynamoDB adapter does. */
class DynamoDbLedgerStoreTest extends LedgerStoreContractTest {

    private String tableName;

    @Override
    protected LedgerStore newStore() {
        tableName = LocalDynamoDb.newLedgerTable();
        return new DynamoDbLedgerStore(LocalDynamoDb.client(), tableName);
    }

    @Test
    void the_item_carries_a_ttl_after_its_last_expiry() {
        ledger.acquire("u1", "s1");

        Map<String, AttributeValue> item = LocalDynamoDb.client()
                .getItem(b -> b.tableName(tableName).key(Map.of("uid", AttributeValue.fromS("u1")))).item();

        long leaseSeconds = clock.instant().plus(SETTINGS.leaseDuration()).getEpochSecond();
        long tombstoneSeconds = clock.instant().plus(SETTINGS.tombstoneRetention()).getEpochSecond();
        assertThat(Long.parseLong(item.get(LedgerTableSchema.TTL_ATTRIBUTE).n())).isEqualTo(leaseSeconds + 1);

        ledger.release("u1", "s1");
        item = LocalDynamoDb.client()
                .getItem(b -> b.tableName(tableName).key(Map.of("uid", AttributeValue.fromS("u1")))).item();
        assertThat(Long.parseLong(item.get(LedgerTableSchema.TTL_ATTRIBUTE).n())).isEqualTo(tombstoneSeconds + 1);
    }

    @Test
    void sdk_failures_surface_as_ledger_store_exceptions() {
        DynamoDbLedgerStore missing = new DynamoDbLedgerStore(LocalDynamoDb.client(), "no-such-table");

        assertThatThrownBy(() -> missing.read("u1"))
                .isInstanceOf(LedgerStoreException.class)
                .hasMessageContaining("no-such-table");
        assertThatThrownBy(() -> missing.compareAndSet(UidLedger.empty("u1"), 0))
                .isInstanceOf(LedgerStoreException.class);
    }

    @Test
    void creating_the_table_twice_is_harmless() {
        String name = LocalDynamoDb.newLedgerTable();

        LedgerTableSchema.createIfMissing(LocalDynamoDb.client(), name);

        assertThat(LocalDynamoDb.client().describeTable(b -> b.tableName(name)).table().keySchema())
                .singleElement().satisfies(key -> assertThat(key.attributeName()).isEqualTo("uid"));
    }
}
