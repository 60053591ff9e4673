package io.streamlimit.local.aws;

import java.net.URI;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The two clients import-aws needs. Credentials and, unless given, the region come from the
 * SDK's default chains (environment, profile, SSO); an endpoint URL points both at an emulator.
 */
public record AwsImportClients(CloudFormationClient cloudFormation, CloudWatchClient cloudWatch) implements AutoCloseable {

    /**
     * @param region null for the default chain's (us-east-1 with an endpoint URL and no region configured)
     * @param endpoint null for AWS
     */
    public static AwsImportClients create(String region, URI endpoint) {
        try {
            return new AwsImportClients(configure(CloudFormationClient.builder(), region, endpoint).build(),
                    configure(CloudWatchClient.builder(), region, endpoint).build());
        } catch (SdkClientException e) {
            throw new ImportException("--region: none given and none configured (AWS_REGION or your profile's region): "
                    + e.getMessage());
        }
    }

    private static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, String region, URI endpoint) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        if (region != null) {
            builder.region(Region.of(region));
        } else if (endpoint != null && System.getenv("AWS_REGION") == null) {
            builder.region(Region.US_EAST_1);
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    @Override
    public void close() {
        cloudFormation.close();
        cloudWatch.close();
    }
}
