package io.streamlimit.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Every alarm notifies one alarm topic; {@code -c alarmEmail=...} subscribes an address to it. */
class ScenarioStackAlarmTopicTest {

    private static final Path CDK_DIR = SynthesizedScenarios.REPOSITORY_ROOT.resolve("cdk");

    @Test
    void without_alarm_email_every_alarm_notifies_the_topic_and_nobody_is_subscribed() {
        Template template = synth(Map.of("scenario", "../scenarios/04-sqs-rc1-high-visibility.yaml"));
        String topic = alarmTopic(template);

        assertThat(alarmActions(template)).containsOnlyKeys("DeadLetterAlarm", "ConsumerThrottleAlarm", "TrackerThrottledAlarm", "TrackerServerErrorAlarm")
                .allSatisfy((alarm, actions) -> assertThat(actions).isEqualTo(List.of(Map.of("Ref", topic))));
        template.resourcePropertiesCountIs("AWS::SNS::Subscription", Map.of("Protocol", "email"), 0);
        template.hasOutput("AlarmTopicArn", Map.of("Value", Map.of("Ref", topic)));
    }

    @Test
    void with_alarm_email_the_address_is_subscribed_to_the_alarm_topic() {
        Template template = synth(Map.of("scenario", "../scenarios/04-sqs-rc1-high-visibility.yaml",
                "alarmEmail", "oncall@example.com"));
        String topic = alarmTopic(template);

        assertThat(alarmActions(template)).containsOnlyKeys("DeadLetterAlarm", "ConsumerThrottleAlarm", "TrackerThrottledAlarm", "TrackerServerErrorAlarm")
                .allSatisfy((alarm, actions) -> assertThat(actions).isEqualTo(List.of(Map.of("Ref", topic))));
        assertThat(template.findResources("AWS::SNS::Subscription", Map.of("Properties", Map.of(
                "Protocol", "email", "Endpoint", "oncall@example.com", "TopicArn", Map.of("Ref", topic))))).hasSize(1);
    }

    @Test
    void an_alarm_email_that_is_not_an_address_is_named() {
        App app = App.Builder.create().context(Map.of("scenario", "../scenarios/recommended.yaml",
                "alarmEmail", "oncall")).build();

        assertThatThrownBy(() -> StreamlimitApp.build(app, CDK_DIR))
                .isInstanceOf(AppConfigurationException.class)
                .hasMessage("context alarmEmail: must be an e-mail address, got oncall");
    }

    private static Template synth(Map<String, Object> context) {
        return Template.fromStack(StreamlimitApp.build(App.Builder.create().context(context).build(), CDK_DIR));
    }

    private static String alarmTopic(Template template) {
        Map<String, Map<String, Object>> topics = template.findResources("AWS::SNS::Topic");
        List<String> ids = topics.keySet().stream().filter(id -> id.startsWith("AlarmTopic")).toList();
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    /** Alarm id prefix (DeadLetterAlarm, ConsumerThrottleAlarm) to its AlarmActions. */
    private static Map<String, Object> alarmActions(Template template) {
        Map<String, Object> actions = new java.util.TreeMap<>();
        template.findResources("AWS::CloudWatch::Alarm", Match.anyValue()).forEach((id, alarm) ->
                actions.put(id.replaceAll("[0-9A-F]{8}$", ""), ((Map<?, ?>) alarm.get("Properties")).get("AlarmActions")));
        return actions;
    }
}
