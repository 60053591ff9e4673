package io.streamlimit.cdk;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.Queue;

/** The stack's two alarms and the topic they notify. */
final class StackAlarms {

    private StackAlarms() {
    }

    /** Any message in the DLQ is a lost event; any throttle is the experiment's cost showing. Both notify the alarm topic. */
    static void createAlarms(ScenarioStack stack, Queue deadLetters, Function consumer, Topic eventsTopic) {
        Alarm deadLetterAlarm = Alarm.Builder.create(stack, "DeadLetterAlarm")
                .alarmDescription("Events of " + stack.scenario().name() + " reached the dead-letter queue")
                .metric(deadLetters.metricApproximateNumberOfMessagesVisible(perMinute("Maximum")))
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        Alarm throttleAlarm = Alarm.Builder.create(stack, "ConsumerThrottleAlarm")
                .alarmDescription("The consumer of " + stack.scenario().name() + " was throttled")
                .metric(consumer.metricThrottles(perMinute("Sum")))
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        Topic alarmTopic = AlarmTopic.create(stack, eventsTopic.getMasterKey(), stack.props().alarmEmail(),
                List.of(deadLetterAlarm, throttleAlarm));
        stack.output("AlarmTopicArn", alarmTopic.getTopicArn(), "the alarms' notifications; subscribe to it, or deploy with -c alarmEmail=...");
    }

    private static MetricOptions perMinute(String statistic) {
        return MetricOptions.builder().period(Duration.minutes(1)).statistic(statistic).build();
    }
}
