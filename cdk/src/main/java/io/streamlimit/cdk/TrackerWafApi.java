package io.streamlimit.cdk;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.IConstruct;

/**
 * The tracker behind AWS WAF ({@code -c trackerWaf=true}). WAF cannot be associated with an
 * API Gateway HTTP API, only with a REST API stage (and CloudFront, load balancers and a few
 * others), so with the WAF the tracker is served by a regional REST API instead of the HTTP API:
 * same routes, same stage throttle, same access logs, and a web ACL whose one rate-based rule
 * blocks, with 429, any source IP over {@code trackerWafLimit} requests in 5 minutes.
 */
final class TrackerWafApi {

    static final String STAGE = "v1";
    static final String RULE = "RequestsPerIp";

    private TrackerWafApi() {
    }

    /**
     * @param accountSetting API Gateway's account CloudWatch role setting, which REST stage access
     *     logs need and the publish route already creates: this stage waits for it
     */
    static TrackerAlarmMetrics create(ScenarioStack stack, IFunction tracker, IConstruct accountSetting) {
        EndpointLimits limits = stack.props().endpoints();
        LogGroup accessLogs = AccessLoggedStage.accessLogGroup(stack, "TrackerRestApiAccessLogs");
        RestApi api = RestApi.Builder.create(stack, "TrackerRestApi")
                .description("streamlimit request-count tracker, guarded by AWS WAF")
                .endpointTypes(List.of(EndpointType.REGIONAL))
                .cloudWatchRole(false)
                .deployOptions(StageOptions.builder()
                        .stageName(STAGE)
                        .tracingEnabled(true)
                        .accessLogDestination(new LogGroupLogDestination(accessLogs))
                        .accessLogFormat(AccessLogFormat.jsonWithStandardFields())
                        .throttlingRateLimit(limits.tracker().ratePerSecond())
                        .throttlingBurstLimit(limits.tracker().burst())
                        .build())
                .build();
        // The stack outputs TrackerApiUrl itself; the generated Endpoint output would only repeat it.
        api.getNode().tryRemoveChild("Endpoint");
        api.getDeploymentStage().getNode().addDependency(accountSetting);
        LambdaIntegration integration = new LambdaIntegration(tracker);
        api.getRoot().addResource("auth").addMethod("GET", integration);
        api.getRoot().addResource("{proxy+}").addMethod("GET", integration);
        StackNagSuppressions.forTrackerRestApi(api);

        String aclName = stack.getStackName() + "-tracker";
        CfnWebACL acl = CfnWebACL.Builder.create(stack, "TrackerWebAcl")
                .name(aclName)
                .description("At most " + limits.trackerWafLimit() + " tracker requests per source IP in "
                        + EndpointLimits.WAF_WINDOW_SECONDS + " s")
                .scope("REGIONAL")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder()
                        .allow(CfnWebACL.AllowActionProperty.builder().build())
                        .build())
                .visibilityConfig(visibility(aclName))
                .rules(List.of(CfnWebACL.RuleProperty.builder()
                        .name(RULE)
                        .priority(0)
                        .statement(CfnWebACL.StatementProperty.builder()
                                .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                        .aggregateKeyType("IP")
                                        .limit(limits.trackerWafLimit())
                                        .evaluationWindowSec(EndpointLimits.WAF_WINDOW_SECONDS)
                                        .build())
                                .build())
                        // 429 like the stage throttle: a client backs off the same way from both.
                        .action(CfnWebACL.RuleActionProperty.builder()
                                .block(CfnWebACL.BlockActionProperty.builder()
                                        .customResponse(CfnWebACL.CustomResponseProperty.builder()
                                                .responseCode(429)
                                                .build())
                                        .build())
                                .build())
                        .visibilityConfig(visibility(RULE))
                        .build()))
                .build();
        // The stage's ARN refers to the stage, so CloudFormation associates only once the stage exists.
        CfnWebACLAssociation.Builder.create(stack, "TrackerWebAclAssociation")
                .resourceArn(api.getDeploymentStage().getStageArn())
                .webAclArn(acl.getAttrArn())
                .build();

        stack.output("TrackerApiUrl", api.getUrl(), "GET auth, then GET any path with the token (behind AWS WAF)");
        return new TrackerAlarmMetrics(
                TrackerAlarmMetrics.throttledFrom(stack, accessLogs, stack.getStackName()),
                api.metricServerError(TrackerAlarmMetrics.perMinuteSum()),
                Optional.of(blockedRequests(aclName)));
    }

    /** WAF's own count of the requests the rule blocked, per minute (namespace AWS/WAFV2). */
    private static IMetric blockedRequests(String aclName) {
        return Metric.Builder.create()
                .namespace("AWS/WAFV2")
                .metricName("BlockedRequests")
                .dimensionsMap(Map.of("WebACL", aclName, "Rule", RULE, "Region", Aws.REGION))
                .period(Duration.minutes(1))
                .statistic("Sum")
                .build();
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metricName) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true)
                .metricName(metricName)
                .sampledRequestsEnabled(true)
                .build();
    }
}
