package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * {@code -c trackerWaf=true}: a web ACL with one rate-based rule per source IP, on a REST API
 * serving the tracker (WAF cannot guard an HTTP API); without it, no WAF at all.
 */
class ScenarioStackTrackerWafTest {

    private static final Path CDK_DIR = SynthesizedScenarios.REPOSITORY_ROOT.resolve("cdk");
    private static final String NAME = "streamlimit-sqs-rc1-high-visibility";

    @TempDir
    static Path outdir;
    private static ScenarioStack stack;
    private static Template template;

    /** One synth, written out as `cdk synth` writes it, so cfn-lint reads the same template the assertions do. */
    @BeforeAll
    static void synthesizeWithTheWaf() {
        App app = new App(AppProps.builder().outdir(outdir.toString()).context(Map.of(
                "scenario", "../scenarios/04-sqs-rc1-high-visibility.yaml",
                "trackerWaf", "true", "trackerWafLimit", "500")).build());
        stack = StreamlimitApp.build(app, CDK_DIR);
        app.synth();
        template = Template.fromStack(stack);
    }

    @Test
    void without_the_flag_there_is_no_web_acl_and_the_tracker_is_the_http_api() {
        Template plain = SynthesizedScenarios.of(SynthesizedScenarios.SCENARIOS.resolve("04-sqs-rc1-high-visibility.yaml")).template();
        plain.resourceCountIs("AWS::WAFv2::WebACL", 0);
        plain.resourceCountIs("AWS::WAFv2::WebACLAssociation", 0);
        plain.hasResourceProperties("AWS::ApiGatewayV2::Route", Map.of("RouteKey", "GET /auth"));
    }

    @Test
    void the_web_acl_blocks_with_429_any_ip_over_the_limit_in_5_minutes() {
        template.resourceCountIs("AWS::WAFv2::WebACL", 1);
        template.hasResourceProperties("AWS::WAFv2::WebACL", Map.of(
                "Name", NAME + "-tracker",
                "Scope", "REGIONAL",
                "DefaultAction", Map.of("Allow", Map.of()),
                "Rules", List.of(Match.objectLike(Map.of(
                        "Name", TrackerWafApi.RULE,
                        "Statement", Map.of("RateBasedStatement", Map.of(
                                "AggregateKeyType", "IP", "Limit", 500, "EvaluationWindowSec", 300)),
                        "Action", Map.of("Block", Map.of("CustomResponse", Map.of("ResponseCode", 429)))))),
                "VisibilityConfig", Match.objectLike(Map.of("CloudWatchMetricsEnabled", true))));
    }

    @Test
    void the_web_acl_guards_the_tracker_rest_stage_which_keeps_the_trackers_throttle() {
        String stage = onlyKey(template.findResources("AWS::ApiGateway::Stage",
                Map.of("Properties", Match.objectLike(Map.of("StageName", TrackerWafApi.STAGE,
                        "RestApiId", Map.of("Ref", Match.stringLikeRegexp("TrackerRestApi.*")))))));
        template.hasResourceProperties("AWS::ApiGateway::Stage", Map.of(
                "StageName", TrackerWafApi.STAGE,
                "RestApiId", Map.of("Ref", Match.stringLikeRegexp("TrackerRestApi.*")),
                "TracingEnabled", true,
                "AccessLogSetting", Match.objectLike(Map.of("Format", Match.anyValue())),
                "MethodSettings", List.of(Match.objectLike(Map.of(
                        "HttpMethod", "*", "ResourcePath", "/*", "ThrottlingRateLimit", 20, "ThrottlingBurstLimit", 40)))));
        Map<String, Map<String, Object>> associations = template.findResources("AWS::WAFv2::WebACLAssociation");
        assertThat(associations).hasSize(1);
        String association = associations.values().iterator().next().toString();
        assertThat(association).contains("/restapis/", "/stages/", "Ref=" + stage, "TrackerWebAcl");
    }

    @Test
    void the_tracker_function_answers_the_rest_apis_events_and_the_check_api_stays_an_http_api() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of("Handler", ScenarioStack.TRACKER_REST_HANDLER));
        template.resourcePropertiesCountIs("AWS::Lambda::Function", Map.of("Handler", ScenarioStack.TRACKER_HANDLER), 0);
        template.resourcePropertiesCountIs("AWS::ApiGatewayV2::Route", Map.of("RouteKey", "GET /auth"), 0);
        template.hasResourceProperties("AWS::ApiGateway::Method", Map.of("HttpMethod", "GET", "AuthorizationType", "NONE",
                "Integration", Match.objectLike(Map.of("Type", "AWS_PROXY"))));
        assertThat(ScenarioStackEndpointLimitsTest.throttleOfStage(template, "CheckApi"))
                .isEqualTo(Map.of("ThrottlingRateLimit", 100, "ThrottlingBurstLimit", 200));
        assertThat(template.findOutputs("TrackerApiUrl")).hasSize(1);
    }

    @Test
    void the_alarm_topic_also_hears_of_the_ips_the_rule_blocked_and_of_429s_and_5xx() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/WAFV2", "MetricName", "BlockedRequests", "Statistic", "Sum", "Period", 60,
                "Dimensions", List.of(Map.of("Name", "Region", "Value", Map.of("Ref", "AWS::Region")),
                        Map.of("Name", "Rule", "Value", TrackerWafApi.RULE), Map.of("Name", "WebACL", "Value", NAME + "-tracker")),
                "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("AlarmTopic.*")))));
        template.hasResourceProperties("AWS::Logs::MetricFilter", Map.of(
                "LogGroupName", Map.of("Ref", Match.stringLikeRegexp("TrackerRestApiAccessLogs.*")),
                "FilterPattern", "{ $.status = \"429\" }"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/ApiGateway", "MetricName", "5XXError",
                "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("AlarmTopic.*")))));
    }

    @Test
    void cdk_nag_reports_nothing_unsuppressed_with_the_waf() {
        assertThat(NagFindings.of(stack)).isEmpty();
    }

    @Test
    void cfn_lint_reports_no_error_with_the_waf() {
        CfnLint.Result result = CfnLint.lint(outdir.resolve(NAME + ".template.json"));
        if (result.hasWarnings()) {
            System.out.println("cfn-lint warnings with the WAF:\n" + result.output());
        }
        assertThat(result.hasErrors()).as("cfn-lint exited %d:%n%s", result.exitCode(), result.output()).isFalse();
        assertThat(result.output().lines().filter(line -> line.matches(".*:E\\d{4}:.*"))).isEmpty();
    }

    private static String onlyKey(Map<String, ?> resources) {
        assertThat(resources).hasSize(1);
        return resources.keySet().iterator().next();
    }
}
