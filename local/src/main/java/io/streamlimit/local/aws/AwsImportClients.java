package io.streamlimit.local.aws;

import io.streamlimit.local.aws.AwsCallFailure.ImportTarget;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The two clients import-aws needs, and its two calls through them. The region comes from
 * {@link ImportRegion}; credentials from the SDK's default chain (environment, system
 * properties, profile, SSO, container, instance), resolved once before any call so that
 * missing ones are named as such. Every failure is an {@link ImportException} of one line.
 */
public final class AwsImportClients implements AutoCloseable {

    private final CloudFormationClient cloudFormation;
    private final CloudWatchClient cloudWatch;
    private final ImportTarget target;

    private AwsImportClients(CloudFormationClient cloudFormation, CloudWatchClient cloudWatch, ImportTarget target) {
        this.cloudFormation = cloudFormation;
        this.cloudWatch = cloudWatch;
        this.target = target;
    }

    /**
     * @param region {@code --region}, or null
     * @param endpoint null for AWS
     * @param env the process environment, for the region
     * @param home the user's home directory, for ~/.aws/config
     */
    public static AwsImportClients create(String region, URI endpoint, Map<String, String> env, Path home) {
        ImportRegion chosen = ImportRegion.resolve(region, env, home, endpoint != null);
        AwsCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        try {
            credentials.resolveCredentials();
        } catch (SdkClientException e) {
            throw new ImportException("no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE"
                    + " to a profile of ~/.aws/credentials ('aws configure'), or run 'aws sso login'");
        }
        ImportTarget target = new ImportTarget(chosen.region(), endpoint);
        return new AwsImportClients(configure(CloudFormationClient.builder(), target, credentials).build(),
                configure(CloudWatchClient.builder(), target, credentials).build(), target);
    }

    private static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(
            B builder, ImportTarget target, AwsCredentialsProvider credentials) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder()).region(target.region()).credentialsProvider(credentials);
        if (target.endpoint() != null) {
            builder.endpointOverride(target.endpoint());
        }
        return builder;
    }

    /** The region the clients use. */
    public String region() {
        return target.region().id();
    }

    /** @see StackOutputs#describe */
    public StackOutputs describeStack(String stackName) {
        return call("CloudFormation", () -> StackOutputs.describe(cloudFormation, stackName));
    }

    /** @see AwsRunMetrics#fetch */
    public AwsRunMetrics fetchMetrics(StackOutputs outputs, MetricWindow window) {
        return call("CloudWatch", () -> AwsRunMetrics.fetch(cloudWatch, outputs, window));
    }

    private <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            ImportException described = AwsCallFailure.describe(e, service, target);
            if (described != null) {
                throw described;
            }
            throw new ImportException(service + " refused the request: " + AwsCallFailure.rootCause(e));
        }
    }

    @Override
    public void close() {
        cloudFormation.close();
        cloudWatch.close();
    }
}
