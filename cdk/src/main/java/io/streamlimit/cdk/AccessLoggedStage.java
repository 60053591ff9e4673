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
 *
 * @param stage the stage
 * @param accessLogs one JSON line per request, throttled ones (429) included
 */
record AccessLoggedStage(HttpStage stage, LogGroup accessLogs) {

    /** Create the API with {@code createDefaultStage(false)} and call this instead. */
    static AccessLoggedStage defaultStageOf(Construct scope, String id, HttpApi api, StageThrottle throttle) {
        LogGroup accessLogs = accessLogGroup(scope, id + "AccessLogs");
        HttpStage stage = HttpStage.Builder.create(scope, id + "DefaultStage")
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
        return new AccessLoggedStage(stage, accessLogs);
    }

    /** A week of access logs, gone with the stack. */
    static LogGroup accessLogGroup(Construct scope, String id) {
        return LogGroup.Builder.create(scope, id)
                .retention(RetentionDays.ONE_WEEK)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }
}
