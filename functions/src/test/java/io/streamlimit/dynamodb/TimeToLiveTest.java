package io.streamlimit.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.ledger.LedgerTableSchema;
import io.streamlimit.testing.LocalDynamoDb;
import org.junit.jupiter.api.Test;

/** TTL on the local server (dynalite), which has no UpdateTimeToLive. */
class TimeToLiveTest {

    @Test
    void a_server_without_update_time_to_live_is_told_apart_and_the_table_stays_usable() {
        String table = LocalDynamoDb.uniqueTableName("ttl");
        LocalDynamoDb.client().createTable(LedgerTableSchema.createTableRequest(table));

        assertThat(TimeToLive.enableWhereSupported(LocalDynamoDb.client(), table, LedgerTableSchema.TTL_ATTRIBUTE)).isFalse();
        assertThat(LocalDynamoDb.client().describeTable(b -> b.tableName(table)).table().tableStatusAsString()).isEqualTo("ACTIVE");
    }
}
