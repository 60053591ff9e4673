package io.streamlimit.local;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SDK v2 clients for the local stack: an endpoint override, region us-east-1 and dummy static
 * credentials, so that nothing reads the user's AWS profile or reaches AWS.
 */
public final class AwsClients {

    public static final Region REGION = Region.US_EAST_1;
    /** Every local client signs with these, so dynalite and ElasticMQ see one account. */
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private AwsClients() {
    }

    /**
     * Configures any sync client builder for a local endpoint and builds it; the HTTP client is
     * set explicitly because the SDK refuses to choose when several are on the classpath.
     */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C local(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public static DynamoDbClient dynamoDb(URI endpoint) {
        return local(DynamoDbClient.builder(), endpoint);
    }

    public static SqsClient sqs(URI endpoint) {
        return local(SqsClient.builder(), endpoint);
    }

    public static SnsClient sns(URI endpoint) {
        return local(SnsClient.builder(), endpoint);
    }

    /**
     * With the SDK's default protocol, CBOR, which the local Kinesis (kinesis-local) speaks. It is
     * one single-threaded Node.js process: on a loaded machine a call can wait well past the HTTP
     * client's default 30 s for its turn, so reads may take 2 minutes.
     */
    public static KinesisClient kinesis(URI endpoint) {
        return KinesisClient.builder().endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(java.time.Duration.ofMinutes(2)))
                .build();
    }
}
