package io.streamlimit.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.ledger.LedgerSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class SettingsTest {

    @Test
    void an_empty_environment_gives_the_defaults() {
        Settings settings = Settings.fromEnv(Map.of());

        assertThat(settings.tableName()).isEqualTo("streamlimit-ledger");
        assertThat(settings.ledger()).isEqualTo(LedgerSettings.defaults());
        assertThat(settings.topicArn()).isNull();
        assertThat(settings.dynamoDbEndpoint()).isNull();
        assertThat(settings.resultsJdbcUrl()).isNull();
        assertThat(settings.resultsSecretName()).isNull();
        assertThat(settings.deadLetterQueueUrl()).as("no DLQ: unparseable messages fail and are redelivered").isNull();
        assertThat(settings.recordsResults()).isFalse();
        assertThat(settings.resultsGroupId()).isEqualTo("consumer");
        assertThat(settings.downstreamCallDuration()).isZero();
        assertThat(settings.publishParallelism()).isEqualTo(5);
    }

    @Test
    void every_variable_is_read() {
        Settings settings = Settings.fromEnv(Map.ofEntries(
                Map.entry("TABLE_NAME", "ledger-test"),
                Map.entry("STREAM_LIMIT", "5"),
                Map.entry("LEASE_SECONDS", "60"),
                Map.entry("TOMBSTONE_SECONDS", "600"),
                Map.entry("TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:events"),
                Map.entry("AWS_REGION", "eu-west-1"),
                Map.entry("AWS_ENDPOINT_URL", "http://localhost:4566"),
                Map.entry("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000"),
                Map.entry("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:4566"),
                Map.entry("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9324"),
                Map.entry("DEAD_LETTER_QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/123456789012/events-dlq"),
                Map.entry("RESULTS_JDBC_URL", "jdbc:postgresql://localhost/results"),
                Map.entry("RESULTS_SECRET_NAME", "streamlimit/results"),
                Map.entry("RESULTS_GROUP_ID", "sqs-rc1"),
                Map.entry("DOWNSTREAM_CALL_MILLIS", "1000"),
                Map.entry("PUBLISH_PARALLELISM", "2")));

        assertThat(settings.tableName()).isEqualTo("ledger-test");
        assertThat(settings.ledger()).isEqualTo(new LedgerSettings(5, Duration.ofSeconds(60), Duration.ofSeconds(600)));
        assertThat(settings.requireTopicArn()).isEqualTo("arn:aws:sns:eu-west-1:123456789012:events");
        assertThat(settings.region()).isEqualTo("eu-west-1");
        assertThat(settings.dynamoDbEndpoint()).isEqualTo(URI.create("http://127.0.0.1:8000"));
        assertThat(settings.snsEndpoint()).as("falls back to AWS_ENDPOINT_URL").isEqualTo(URI.create("http://localhost:4566"));
        assertThat(settings.secretsManagerEndpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
        assertThat(settings.sqsEndpoint()).isEqualTo(URI.create("http://127.0.0.1:9324"));
        assertThat(settings.deadLetterQueueUrl()).isEqualTo("https://sqs.eu-west-1.amazonaws.com/123456789012/events-dlq");
        assertThat(settings.resultsJdbcUrl()).isEqualTo("jdbc:postgresql://localhost/results");
        assertThat(settings.resultsSecretName()).isEqualTo("streamlimit/results");
        assertThat(settings.recordsResults()).isTrue();
        assertThat(settings.resultsGroupId()).isEqualTo("sqs-rc1");
        assertThat(settings.downstreamCallDuration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.publishParallelism()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "STREAM_LIMIT|three|STREAM_LIMIT: must be an integer from 1 to 1000, got \"three\"",
            "STREAM_LIMIT|0|STREAM_LIMIT: must be an integer from 1 to 1000, got \"0\"",
            "LEASE_SECONDS|-5|LEASE_SECONDS: must be an integer from 1 to 31536000",
            "TOMBSTONE_SECONDS|1.5|TOMBSTONE_SECONDS: must be an integer",
            "TABLE_NAME|a|TABLE_NAME: must be 3 to 255 characters",
            "TABLE_NAME|my table|TABLE_NAME: must be 3 to 255 characters",
            "TOPIC_ARN|events|TOPIC_ARN: must be an SNS topic ARN",
            "AWS_REGION|Europe|AWS_REGION: must be a region name",
            "AWS_ENDPOINT_URL_DYNAMODB|localhost:8000|AWS_ENDPOINT_URL_DYNAMODB: must be an http(s) URL",
            "AWS_ENDPOINT_URL_SNS|http://|AWS_ENDPOINT_URL_SNS: must be an http(s) URL",
            "DEAD_LETTER_QUEUE_URL|events-dlq|DEAD_LETTER_QUEUE_URL: must be an SQS queue URL",
            "RESULTS_JDBC_URL|postgresql://localhost/results|RESULTS_JDBC_URL: must start with jdbc:",
            "RESULTS_SECRET_NAME|streamlimit results|RESULTS_SECRET_NAME: must be a Secrets Manager secret name or ARN",
            "AWS_ENDPOINT_URL_SECRETS_MANAGER|localhost:4566|AWS_ENDPOINT_URL_SECRETS_MANAGER: must be an http(s) URL",
            "DOWNSTREAM_CALL_MILLIS|forever|DOWNSTREAM_CALL_MILLIS: must be an integer",
            "PUBLISH_PARALLELISM|0|PUBLISH_PARALLELISM: must be an integer from 1 to 100"})
    void a_bad_value_is_refused_naming_the_variable(String variable, String value, String message) {
        assertThatThrownBy(() -> Settings.fromEnv(Map.of(variable, value)))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void blank_values_count_as_unset() {
        assertThat(Settings.fromEnv(Map.of("STREAM_LIMIT", " ", "TOPIC_ARN", "")).ledger().limit()).isEqualTo(3);
    }

    @Test
    void the_producer_names_the_missing_topic() {
        assertThatThrownBy(() -> Settings.fromEnv(Map.of()).requireTopicArn())
                .hasMessageStartingWith("TOPIC_ARN: not set");
    }

    @Test
    void a_secret_alone_means_results_are_recorded_and_an_arn_is_a_name_too() {
        Settings settings = Settings.fromEnv(Map.of("RESULTS_SECRET_NAME",
                "arn:aws:secretsmanager:eu-west-1:123456789012:secret:streamlimit/results-AbC123"));

        assertThat(settings.resultsSecretName()).endsWith(":secret:streamlimit/results-AbC123");
        assertThat(settings.resultsJdbcUrl()).isNull();
        assertThat(settings.recordsResults()).isTrue();
    }

    @Test
    void the_secrets_manager_client_builds_with_the_endpoint_override() {
        Settings settings = Settings.fromEnv(Map.of("AWS_ENDPOINT_URL", "http://localhost:4566"));

        try (SecretsManagerClient secrets = AwsClients.secretsManager(settings)) {
            assertThat(secrets.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://localhost:4566"));
        }
    }

    @Test
    void clients_build_with_an_endpoint_override_and_no_region() {
        Settings settings = Settings.fromEnv(Map.of("AWS_ENDPOINT_URL", "http://localhost:4566"));

        try (DynamoDbClient dynamoDb = AwsClients.dynamoDb(settings)) {
            assertThat(dynamoDb.serviceClientConfiguration().endpointOverride()).contains(URI.create("http://localhost:4566"));
            assertThat(dynamoDb.serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
        }
    }
}
