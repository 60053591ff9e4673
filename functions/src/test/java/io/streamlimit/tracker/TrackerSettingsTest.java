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
}
