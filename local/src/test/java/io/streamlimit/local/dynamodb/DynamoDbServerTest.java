package io.streamlimit.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.local.AwsClients;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class DynamoDbServerTest {

    private static void createTable(DynamoDbClient client, String name) {
        client.createTable(b -> b.tableName(name)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST));
    }

    @Test
    void starts_on_a_free_loopback_port_and_serves_the_sdk() {
        try (DynamoDbServer server = DynamoDbServer.start(0, null)) {
            assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(server.endpoint().getPort()).isPositive();

            createTable(server.client(), "things");
            assertThat(server.client().listTables().tableNames()).containsExactly("things");
        }
    }

    @Test
    void clients_with_other_credentials_and_regions_share_one_database() {
        try (DynamoDbServer server = DynamoDbServer.start(0, null);
             DynamoDbClient other = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.EU_WEST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("someone", "else")))
                     .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                     .build()) {
            createTable(server.client(), "shared");
            assertThat(other.listTables().tableNames()).containsExactly("shared");
        }
    }

    @Test
    void a_taken_port_is_refused() {
        try (DynamoDbServer first = DynamoDbServer.start(0, null)) {
            int port = first.endpoint().getPort();
            assertThatThrownBy(() -> DynamoDbServer.start(port, null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(Integer.toString(port));
        }
    }

    @Test
    void a_data_directory_keeps_tables_across_restarts(@TempDir Path dir) {
        Path data = dir.resolve("dynamodb");
        try (DynamoDbServer server = DynamoDbServer.start(0, data)) {
            createTable(server.client(), "kept");
        }
        try (DynamoDbServer server = DynamoDbServer.start(0, data);
             DynamoDbClient client = AwsClients.dynamoDb(server.endpoint())) {
            assertThat(client.listTables().tableNames()).containsExactly("kept");
        }
    }

    @Test
    void a_restart_on_the_same_port_and_data_is_an_outage_not_a_loss(@TempDir Path dir) {
        Path data = dir.resolve("dynamodb");
        DynamoDbServer first = DynamoDbServer.start(0, data);
        int port = first.endpoint().getPort();
        createTable(first.client(), "kept");
        first.client().putItem(b -> b.tableName("kept").item(Map.of("id", AttributeValue.fromS("a"))));
        first.close();

        try (DynamoDbClient client = AwsClients.dynamoDb(first.endpoint())) {
            assertThatThrownBy(client::listTables).isInstanceOf(SdkClientException.class);
            try (DynamoDbServer again = DynamoDbServer.start(port, data)) {
                assertThat(again.endpoint()).isEqualTo(first.endpoint());
                assertThat(client.scan(b -> b.tableName("kept")).items()).containsExactly(Map.of("id", AttributeValue.fromS("a")));
            }
        }
    }
}
