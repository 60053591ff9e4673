package io.streamlimit.tracker;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The tracker function's configuration, read once from the environment at the edge.
 *
 * @param tableName the tracker table ({@code TRACKER_TABLE_NAME}, else {@code TABLE_NAME})
 * @param dynamoDbEndpoint an endpoint override ({@code AWS_ENDPOINT_URL_DYNAMODB}), for the local stack
 */
public record TrackerSettings(String tableName, Optional<URI> dynamoDbEndpoint) {

    public TrackerSettings {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException("tracker table name must not be blank");
        }
    }

    public static TrackerSettings fromEnv(Map<String, String> env) {
        String table = firstNonBlank(env.get("TRACKER_TABLE_NAME"), env.get("TABLE_NAME"), TrackerTableSchema.DEFAULT_TABLE_NAME);
        String endpoint = env.get("AWS_ENDPOINT_URL_DYNAMODB");
        try {
            return new TrackerSettings(table,
                    endpoint == null || endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint.strip())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AWS_ENDPOINT_URL_DYNAMODB is not a URI: " + endpoint, e);
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        throw new IllegalArgumentException("no value");
    }
}
