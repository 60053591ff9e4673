package io.streamlimit.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackerSettingsTest {

    @Test
    void tracker_table_name_wins_over_table_name_and_the_default_applies_last() {
        assertThat(TrackerSettings.fromEnv(Map.of("TRACKER_TABLE_NAME", "t1", "TABLE_NAME", "t2")).tableName()).isEqualTo("t1");
        assertThat(TrackerSettings.fromEnv(Map.of("TABLE_NAME", "t2")).tableName()).isEqualTo("t2");
        assertThat(TrackerSettings.fromEnv(Map.of()).tableName()).isEqualTo(TrackerTableSchema.DEFAULT_TABLE_NAME);
    }

    @Test
    void the_endpoint_override_is_optional() {
        assertThat(TrackerSettings.fromEnv(Map.of()).dynamoDbEndpoint()).isEmpty();
        assertThat(TrackerSettings.fromEnv(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000")).dynamoDbEndpoint())
                .contains(URI.create("http://127.0.0.1:8000"));
    }

    @Test
    void a_bad_endpoint_is_named() {
        assertThatThrownBy(() -> TrackerSettings.fromEnv(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "http://bad host")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AWS_ENDPOINT_URL_DYNAMODB");
    }

    @Test
    void items_live_30_days_after_last_use_unless_tracker_item_days_says_otherwise() {
        assertThat(TrackerSettings.fromEnv(Map.of()).itemLifetime()).isEqualTo(java.time.Duration.ofDays(30));
        assertThat(TrackerSettings.fromEnv(Map.of("TRACKER_ITEM_DAYS", " 7 ")).itemLifetime()).isEqualTo(java.time.Duration.ofDays(7));
    }

    @Test
    void a_lifetime_that_is_not_1_to_3650_whole_days_is_named() {
        for (String bad : new String[] {"0", "3651", "1.5", "week"}) {
            assertThatThrownBy(() -> TrackerSettings.fromEnv(Map.of("TRACKER_ITEM_DAYS", bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("TRACKER_ITEM_DAYS must be a whole number of days from 1 to 3650, got " + bad);
        }
    }
}
