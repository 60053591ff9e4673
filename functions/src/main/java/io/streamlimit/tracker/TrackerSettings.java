package io.streamlimit.tracker;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tracker function's configuration, read once from the environment at the edge.
 *
 * @param tableName the tracker table ({@code TRACKER_TABLE_NAME}, else {@code TABLE_NAME})
 * @param dynamoDbEndpoint an endpoint override ({@code AWS_ENDPOINT_URL_DYNAMODB}), for the local stack
 * @param itemLifetime how long tokens and counts live after their last use
 *     ({@code TRACKER_ITEM_DAYS}, whole days; default {@link TrackerItemExpiry#DEFAULT_LIFETIME})
 */
public record TrackerSettings(String tableName, Optional<URI> dynamoDbEndpoint, Duration itemLifetime) {

    public static final String ITEM_DAYS_VARIABLE = "TRACKER_ITEM_DAYS";
    /** Ten years: past that an expiry protects nothing. */
    public static final int MAX_ITEM_DAYS = 3650;

    public TrackerSettings {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException("tracker table name must not be blank");
        }
        Objects.requireNonNull(dynamoDbEndpoint, "dynamoDbEndpoint");
        Objects.requireNonNull(itemLifetime, "itemLifetime");
    }

    public TrackerSettings(String tableName, Optional<URI> dynamoDbEndpoint) {
        this(tableName, dynamoDbEndpoint, TrackerItemExpiry.DEFAULT_LIFETIME);
    }

    public static TrackerSettings fromEnv(Map<String, String> env) {
        String table = firstNonBlank(env.get("TRACKER_TABLE_NAME"), env.get("TABLE_NAME"), TrackerTableSchema.DEFAULT_TABLE_NAME);
        String endpoint = env.get("AWS_ENDPOINT_URL_DYNAMODB");
        Duration lifetime = itemLifetime(env.get(ITEM_DAYS_VARIABLE));
        try {
            return new TrackerSettings(table,
                    endpoint == null || endpoint.isBlank() ? Optional.empty() : Optional.of(URI.create(endpoint.strip())),
                    lifetime);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AWS_ENDPOINT_URL_DYNAMODB is not a URI: " + endpoint, e);
        }
    }

    /** Whole days, 1 to {@value #MAX_ITEM_DAYS}; the default when unset. */
    public static Duration itemLifetime(String days) {
        if (days == null || days.isBlank()) {
            return TrackerItemExpiry.DEFAULT_LIFETIME;
        }
        try {
            int value = Integer.parseInt(days.strip());
            if (value >= 1 && value <= MAX_ITEM_DAYS) {
                return Duration.ofDays(value);
            }
        } catch (NumberFormatException e) {
            // Reported below with the value.
        }
        throw new IllegalArgumentException(ITEM_DAYS_VARIABLE + " must be a whole number of days from 1 to "
                + MAX_ITEM_DAYS + ", got " + days);
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
