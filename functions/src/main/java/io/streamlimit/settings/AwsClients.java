package io.streamlimit.settings;

import io.streamlimit.tracker.TrackerSettings;
import java.net.URI;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the SDK clients from {@link Settings}: the URL-connection HTTP client (the lightest
 * cold start), the region and any endpoint override. Credentials come from the default chain.
 */
public final class AwsClients {

    private AwsClients() {
    }

    public static DynamoDbClient dynamoDb(Settings settings) {
        return configure(DynamoDbClient.builder(), settings, settings.dynamoDbEndpoint())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** The tracker's client: its endpoint override if any; the region from the default chain, as Lambda sets it. */
    public static DynamoDbClient dynamoDb(TrackerSettings settings) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
        settings.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public static SnsClient sns(Settings settings) {
        return configure(SnsClient.builder(), settings, settings.snsEndpoint())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static SqsClient sqs(Settings settings) {
        return configure(SqsClient.builder(), settings, settings.sqsEndpoint())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static SecretsManagerClient secretsManager(Settings settings) {
        return configure(SecretsManagerClient.builder(), settings, settings.secretsManagerEndpoint())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, Settings settings, URI endpoint) {
        if (settings.region() != null) {
            builder.region(Region.of(settings.region()));
        } else if (endpoint != null) {
            // Emulators ignore the region, but the SDK refuses to build without one.
            builder.region(Region.US_EAST_1);
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }
}
