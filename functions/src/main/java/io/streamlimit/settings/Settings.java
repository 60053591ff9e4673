package io.streamlimit.settings;

import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.LedgerTableSchema;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The functions' configuration, read once from the environment at a handler's edge.
 *
 * <p>The consumer records one {@code invocations} row per processed event in the results
 * database when it has one: {@code RESULTS_JDBC_URL}, or else the Secrets Manager secret
 * {@code RESULTS_SECRET_NAME} (read on the first batch, not at init, by {@link Wiring}; its value is in the RDS
 * format that {@link ResultsSecret} reads). Whenever it records results it also waits out
 * {@code DOWNSTREAM_CALL_MILLIS} from the start of each invocation, as the original experiments'
 * downstream call did. With neither variable it records nothing and waits for nothing.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><td>TABLE_NAME</td><td>ledger table (default {@value LedgerTableSchema#DEFAULT_TABLE_NAME})</td></tr>
 *   <tr><td>STREAM_LIMIT</td><td>streams per uid (default 3)</td></tr>
 *   <tr><td>LEASE_SECONDS</td><td>lease of an open stream (default 14400)</td></tr>
 *   <tr><td>TOMBSTONE_SECONDS</td><td>how long closes and denials are remembered (default 86400)</td></tr>
 *   <tr><td>TOPIC_ARN</td><td>the events topic (producer, POST /events)</td></tr>
 *   <tr><td>AWS_REGION</td><td>region; us-east-1 if unset and an endpoint is overridden</td></tr>
 *   <tr><td>DEAD_LETTER_QUEUE_URL</td><td>the pipeline's DLQ: the consumer moves a message that can never parse there
 *       at once, with its reason as the {@code reason} message attribute; unset, such a message fails and is redelivered</td></tr>
 *   <tr><td>AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_SNS, AWS_ENDPOINT_URL_SECRETS_MANAGER, AWS_ENDPOINT_URL_SQS, AWS_ENDPOINT_URL</td>
 *       <td>endpoint overrides (the service one wins)</td></tr>
 *   <tr><td>RESULTS_JDBC_URL</td><td>results database as a JDBC URL (jdbc:postgresql://...); wins over RESULTS_SECRET_NAME</td></tr>
 *   <tr><td>RESULTS_SECRET_NAME</td><td>name or ARN of a Secrets Manager secret holding the results database's
 *       connection in the RDS format {"engine":"postgres","host":...,"port":5432,"username":...,"password":...,"dbname":...};
 *       what the CDK stack passes. Neither set: the consumer records nothing and calls no downstream</td></tr>
 *   <tr><td>RESULTS_GROUP_ID</td><td>{@code group_id} of the rows written (default consumer; the scenario name in AWS)</td></tr>
 *   <tr><td>DOWNSTREAM_CALL_MILLIS</td><td>how long each invocation lasts at least, from its start, when results are
 *       recorded: the downstream call the original experiments waited out (default 0)</td></tr>
 *   <tr><td>PUBLISH_PARALLELISM</td><td>PublishBatch calls in flight (default 5)</td></tr>
 * </table>
 */
public record Settings(
        String tableName,
        LedgerSettings ledger,
        String topicArn,
        String region,
        URI dynamoDbEndpoint,
        URI snsEndpoint,
        URI secretsManagerEndpoint,
        URI sqsEndpoint,
        String deadLetterQueueUrl,
        String resultsJdbcUrl,
        String resultsSecretName,
        String resultsGroupId,
        Duration downstreamCallDuration,
        int publishParallelism) {

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    /** A secret's name (A-Z a-z 0-9 / _ + = . @ -) or its ARN. */
    private static final Pattern SECRET_ID = Pattern.compile("[A-Za-z0-9/_+=.@:-]{1,2048}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    public Settings {
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(resultsGroupId, "resultsGroupId");
        Objects.requireNonNull(downstreamCallDuration, "downstreamCallDuration");
    }

    public static Settings fromEnv(Map<String, String> env) {
        Env vars = new Env(env);
        String tableName = vars.matching("TABLE_NAME", LedgerTableSchema.DEFAULT_TABLE_NAME, TABLE_NAME,
                "must be 3 to 255 characters of A-Z a-z 0-9 _ . -");
        LedgerSettings ledger = new LedgerSettings(
                vars.integer("STREAM_LIMIT", LedgerSettings.DEFAULT_LIMIT, 1, LedgerSettings.MAX_LIMIT),
                Duration.ofSeconds(vars.integer("LEASE_SECONDS", (int) LedgerSettings.DEFAULT_LEASE.toSeconds(), 1, 31_536_000)),
                Duration.ofSeconds(vars.integer("TOMBSTONE_SECONDS",
                        (int) LedgerSettings.DEFAULT_TOMBSTONE_RETENTION.toSeconds(), 1, 31_536_000)));
        String topicArn = vars.optional("TOPIC_ARN");
        if (topicArn != null && !(topicArn.startsWith("arn:") && topicArn.contains(":sns:"))) {
            throw new SettingsException("TOPIC_ARN", "must be an SNS topic ARN (arn:aws:sns:...), got \"" + topicArn + "\"");
        }
        String region = vars.optional("AWS_REGION");
        if (region != null && !REGION.matcher(region).matches()) {
            throw new SettingsException("AWS_REGION", "must be a region name such as us-east-1, got \"" + region + "\"");
        }
        URI anyEndpoint = vars.endpoint("AWS_ENDPOINT_URL", null);
        URI dynamoDbEndpoint = vars.endpoint("AWS_ENDPOINT_URL_DYNAMODB", anyEndpoint);
        URI snsEndpoint = vars.endpoint("AWS_ENDPOINT_URL_SNS", anyEndpoint);
        URI secretsManagerEndpoint = vars.endpoint("AWS_ENDPOINT_URL_SECRETS_MANAGER", anyEndpoint);
        URI sqsEndpoint = vars.endpoint("AWS_ENDPOINT_URL_SQS", anyEndpoint);
        String deadLetterQueueUrl = vars.optional("DEAD_LETTER_QUEUE_URL");
        if (deadLetterQueueUrl != null && !deadLetterQueueUrl.matches("https?://\\S+/\\S+")) {
            throw new SettingsException("DEAD_LETTER_QUEUE_URL", "must be an SQS queue URL (https://sqs.REGION.amazonaws.com/ACCOUNT/NAME), got \"" + deadLetterQueueUrl + "\"");
        }
        String jdbcUrl = vars.optional("RESULTS_JDBC_URL");
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:")) {
            throw new SettingsException("RESULTS_JDBC_URL", "must start with jdbc:, e.g. jdbc:postgresql://host/db");
        }
        String secretName = vars.matching(ResultsSecret.VARIABLE, null, SECRET_ID,
                "must be a Secrets Manager secret name or ARN (A-Z a-z 0-9 / _ + = . @ - :)");
        String groupId = vars.optional("RESULTS_GROUP_ID");
        return new Settings(tableName, ledger, topicArn, region, dynamoDbEndpoint, snsEndpoint, secretsManagerEndpoint,
                sqsEndpoint, deadLetterQueueUrl, jdbcUrl, secretName,
                groupId == null ? "consumer" : groupId,
                Duration.ofMillis(vars.integer("DOWNSTREAM_CALL_MILLIS", 0, 0, 900_000)),
                vars.integer("PUBLISH_PARALLELISM", 5, 1, 100));
    }

    /** The topic, for the parts that cannot run without one. */
    public String requireTopicArn() {
        if (topicArn == null) {
            throw new SettingsException("TOPIC_ARN", "not set; the producer needs the events topic");
        }
        return topicArn;
    }

    /** Whether the consumer records results (and so waits out the downstream call). */
    public boolean recordsResults() {
        return resultsJdbcUrl != null || resultsSecretName != null;
    }

    /** Reads and checks one variable at a time; blank counts as unset. */
    private record Env(Map<String, String> env) {

        String optional(String name) {
            String value = env.get(name);
            return value == null || value.isBlank() ? null : value.trim();
        }

        String matching(String name, String fallback, Pattern pattern, String rule) {
            String value = optional(name);
            if (value == null) {
                return fallback;
            }
            if (!pattern.matcher(value).matches()) {
                throw new SettingsException(name, rule + ", got \"" + value + "\"");
            }
            return value;
        }

        int integer(String name, int fallback, int min, int max) {
            String value = optional(name);
            if (value == null) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value);
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below with the rule
            }
            throw new SettingsException(name, "must be an integer from " + min + " to " + max + ", got \"" + value + "\"");
        }

        URI endpoint(String name, URI fallback) {
            String value = optional(name);
            if (value == null) {
                return fallback;
            }
            try {
                URI uri = new URI(value);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below with the rule
            }
            throw new SettingsException(name, "must be an http(s) URL such as http://localhost:8000, got \"" + value + "\"");
        }
    }
}
