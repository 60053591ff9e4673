package io.streamlimit.cdk;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * An HTTP API's {@code $default} stage with access logs, which the generated default stage cannot
 * have, and a throttle on its default route settings, which every route inherits.
 */
final class AccessLoggedStage {

    private AccessLoggedStage() {
    }

    /** Create the API with {@code createDefaultStage(false)} and call this instead. */
    static HttpStage defaultStageOf(Construct scope, String id, HttpApi api, StageThrottle throttle) {
        LogGroup accessLogs = LogGroup.Builder.create(scope, id + "AccessLogs")
                .retention(RetentionDays.ONE_WEEK)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        return HttpStage.Builder.create(scope, id + "DefaultStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .throttle(ThrottleSettings.builder()
                        .rateLimit(throttle.ratePerSecond())
                        .burstLimit(throttle.burst())
                        .build())
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public IAccessLogDestination getDestination() {
                        return new LogGroupLogDestination(accessLogs);
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        return AccessLogFormat.jsonWithStandardFields();
                    }
                })
                .build();
    }
}
