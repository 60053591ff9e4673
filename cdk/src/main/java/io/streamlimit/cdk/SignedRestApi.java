package io.streamlimit.cdk;

import java.util.List;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The regional REST API the IAM-signed routes (POST /events into SNS, POST /records into Kinesis)
 * stand on: one stage, traced, access-logged to a one-week log group and throttled.
 */
final class SignedRestApi {

    private SignedRestApi() {
    }

    /** The API, as {@code scope}'s children {@code AccessLogs} and {@code Api}, with stage {@code stage}. */
    static RestApi create(Construct scope, String description, String stage, StageThrottle throttle) {
        LogGroup accessLogs = LogGroup.Builder.create(scope, "AccessLogs")
                .retention(RetentionDays.ONE_WEEK)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        RestApi restApi = RestApi.Builder.create(scope, "Api")
                .description(description)
                .endpointTypes(List.of(EndpointType.REGIONAL))
                // A REST stage's access logs need the account's API Gateway CloudWatch role, which a
                // fresh account lacks: the stack sets it, and retains it, since the setting is
                // account-wide and other stacks' stages may rely on it after this one is destroyed.
                .cloudWatchRole(true)
                .cloudWatchRoleRemovalPolicy(RemovalPolicy.RETAIN)
                .deployOptions(StageOptions.builder()
                        .stageName(stage)
                        .tracingEnabled(true)
                        .accessLogDestination(new LogGroupLogDestination(accessLogs))
                        .accessLogFormat(AccessLogFormat.jsonWithStandardFields())
                        .throttlingRateLimit(throttle.ratePerSecond())
                        .throttlingBurstLimit(throttle.burst())
                        .build())
                .build();
        // The stack outputs the route's URL itself; the API's generated root URL output would only repeat it.
        restApi.getNode().tryRemoveChild("Endpoint");
        return restApi;
    }
}
