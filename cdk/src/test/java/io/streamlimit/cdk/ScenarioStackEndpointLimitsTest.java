package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.tracker.TrackerTableSchema;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The public entry points' bounds: stage throttles on both HTTP APIs and the tracker items' expiry, from context. */
class ScenarioStackEndpointLimitsTest {

    private static final Path CDK_DIR = SynthesizedScenarios.REPOSITORY_ROOT.resolve("cdk");
    private static final String SCENARIO = "../scenarios/04-sqs-rc1-high-visibility.yaml";

    @Test
    void by_default_the_check_stage_takes_100_a_second_bursts_of_200_and_the_tracker_20_and_40() {
        Template template = SynthesizedScenarios.of(SynthesizedScenarios.SCENARIOS.resolve("04-sqs-rc1-high-visibility.yaml")).template();

        assertThat(throttleOfStage(template, "CheckApi")).isEqualTo(Map.of("ThrottlingRateLimit", 100, "ThrottlingBurstLimit", 200));
        assertThat(throttleOfStage(template, "TrackerApi")).isEqualTo(Map.of("ThrottlingRateLimit", 20, "ThrottlingBurstLimit", 40));
        assertThat(trackerEnvironment(template)).containsEntry("TRACKER_ITEM_DAYS", "30");
    }

    @Test
    void context_sets_both_throttles_and_the_tracker_item_days() {
        Template template = synth(Map.of("checkRateLimit", "7", "checkBurstLimit", "9",
                "trackerRateLimit", "3", "trackerBurstLimit", "5", "trackerItemDays", "2"));

        assertThat(throttleOfStage(template, "CheckApi")).isEqualTo(Map.of("ThrottlingRateLimit", 7, "ThrottlingBurstLimit", 9));
        assertThat(throttleOfStage(template, "TrackerApi")).isEqualTo(Map.of("ThrottlingRateLimit", 3, "ThrottlingBurstLimit", 5));
        assertThat(trackerEnvironment(template)).containsEntry("TRACKER_ITEM_DAYS", "2");
    }

    @Test
    void the_tracker_table_has_ttl_on_the_expiry_its_items_carry() {
        Template template = SynthesizedScenarios.of(SynthesizedScenarios.SCENARIOS.resolve("recommended.yaml")).template();
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "KeySchema", List.of(Map.of("AttributeName", TrackerTableSchema.PARTITION_KEY, "KeyType", "HASH")),
                "TimeToLiveSpecification", Map.of("AttributeName", TrackerTableSchema.EXPIRES_AT_ATTRIBUTE, "Enabled", true)));
    }

    @Test
    void the_alarm_topic_hears_of_tracker_requests_refused_for_the_throttle_and_of_its_5xx() {
        Template template = SynthesizedScenarios.of(SynthesizedScenarios.SCENARIOS.resolve("04-sqs-rc1-high-visibility.yaml")).template();
        String namespace = "streamlimit/streamlimit-sqs-rc1-high-visibility";
        template.hasResourceProperties("AWS::Logs::MetricFilter", Map.of(
                "LogGroupName", Map.of("Ref", Match.stringLikeRegexp("TrackerApiAccessLogs.*")),
                "FilterPattern", "{ $.status = \"429\" }",
                "MetricTransformations", List.of(Map.of("MetricNamespace", namespace,
                        "MetricName", TrackerAlarmMetrics.THROTTLED_METRIC, "MetricValue", "1"))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", namespace, "MetricName", TrackerAlarmMetrics.THROTTLED_METRIC, "Statistic", "Sum", "Period", 60,
                "ComparisonOperator", "GreaterThanThreshold", "Threshold", 0,
                "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("AlarmTopic.*")))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "Namespace", "AWS/ApiGateway", "MetricName", "5xx", "Statistic", "Sum", "Period", 60,
                "Dimensions", List.of(Map.of("Name", "ApiId", "Value", Map.of("Ref", Match.stringLikeRegexp("TrackerApi.*")))),
                "ComparisonOperator", "GreaterThanThreshold", "Threshold", 0,
                "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("AlarmTopic.*")))));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "checkRateLimit|0|context checkRateLimit: must be 1 to 10000 requests per second, got 0",
        "checkBurstLimit|5001|context checkBurstLimit: must be 1 to 5000 requests, got 5001",
        "trackerRateLimit|10001|context trackerRateLimit: must be 1 to 10000 requests per second, got 10001",
        "trackerBurstLimit|-1|context trackerBurstLimit: must be 1 to 5000 requests, got -1",
        "trackerRateLimit|fast|context trackerRateLimit: must be a whole number, got fast",
        "trackerItemDays|0|context trackerItemDays: must be 1 to 3650 days, got 0",
        "trackerWaf|yes|context trackerWaf: must be true or false, got yes",
        "trackerWafLimit|9|context trackerWafLimit: must be 10 to 2000000000 requests per 300 s, got 9",
    })
    void a_bad_value_is_named_with_its_key(String key, String value, String message) {
        App app = App.Builder.create().context(Map.of("scenario", SCENARIO, key, value)).build();
        assertThatThrownBy(() -> StreamlimitApp.build(app, CDK_DIR))
                .isInstanceOf(AppConfigurationException.class)
                .hasMessage(message);
    }

    static Template synth(Map<String, Object> context) {
        Map<String, Object> all = new HashMap<>(context);
        all.put("scenario", SCENARIO);
        return Template.fromStack(StreamlimitApp.build(App.Builder.create().context(all).build(), CDK_DIR));
    }

    /** The DefaultRouteSettings of the one $default stage whose logical id starts with {@code api}. */
    static Map<?, ?> throttleOfStage(Template template, String api) {
        Map<String, Map<String, Object>> stages = template.findResources("AWS::ApiGatewayV2::Stage",
                Map.of("Properties", Match.objectLike(Map.of("StageName", "$default"))));
        List<Map<String, Object>> matching = stages.entrySet().stream()
                .filter(e -> e.getKey().startsWith(api + "DefaultStage"))
                .map(Map.Entry::getValue).toList();
        assertThat(matching).as("stages of %s in %s", api, stages.keySet()).hasSize(1);
        return (Map<?, ?>) ((Map<?, ?>) matching.get(0).get("Properties")).get("DefaultRouteSettings");
    }

    static Map<String, Object> trackerEnvironment(Template template) {
        Map<String, Map<String, Object>> functions = template.findResources("AWS::Lambda::Function",
                Map.of("Properties", Match.objectLike(Map.of("Handler", ScenarioStack.TRACKER_HANDLER))));
        assertThat(functions).hasSize(1);
        Map<?, ?> properties = (Map<?, ?>) functions.values().iterator().next().get("Properties");
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) ((Map<?, ?>) properties.get("Environment")).get("Variables");
        return variables;
    }
}
