package io.streamlimit.cdk;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.Queue;

/** The stack's alarms and the topic they notify. */
final class StackAlarms {

    private StackAlarms() {
    }

    /**
     * Any message in the DLQ is a lost event; any consumer throttle is the experiment's cost
     * showing; any tracker request refused for its throttle (429) or failed (5xx) is the public
     * endpoint under more load than it was sized for, or broken. All notify the alarm topic.
     */
    static void createAlarms(ScenarioStack stack, Queue deadLetters, Function consumer, Topic eventsTopic,
            TrackerAlarmMetrics tracker) {
        createAlarms(stack, deadLetters, consumer, eventsTopic.getMasterKey(), tracker, List.of());
    }

    /**
     * @param key the key of the stack's topic or stream, which the alarm topic shares
     * @param pipelineAlarms the pipeline's own alarms (Kinesis, the FIFO DLQ), notifying the same topic
     */
    static void createAlarms(ScenarioStack stack, Queue deadLetters, Function consumer, IKey key,
            TrackerAlarmMetrics tracker, List<Alarm> pipelineAlarms) {
        Alarm deadLetterAlarm = anyAboveZero(stack, "DeadLetterAlarm",
                "Events of " + stack.scenario().name() + " reached the dead-letter queue",
                deadLetters.metricApproximateNumberOfMessagesVisible(perMinute("Maximum")));
        Alarm throttleAlarm = anyAboveZero(stack, "ConsumerThrottleAlarm",
                "The consumer of " + stack.scenario().name() + " was throttled",
                consumer.metricThrottles(perMinute("Sum")));
        Alarm trackerThrottledAlarm = anyAboveZero(stack, "TrackerThrottledAlarm",
                "The tracker API of " + stack.scenario().name() + " refused requests over its throttle (429)",
                tracker.throttled());
        Alarm trackerServerErrorAlarm = anyAboveZero(stack, "TrackerServerErrorAlarm",
                "The tracker API of " + stack.scenario().name() + " answered 5xx",
                tracker.serverErrors());
        List<Alarm> alarms = new ArrayList<>(List.of(deadLetterAlarm, throttleAlarm, trackerThrottledAlarm, trackerServerErrorAlarm));
        tracker.wafBlocked().ifPresent(blocked -> alarms.add(anyAboveZero(stack, "TrackerWafBlockedAlarm",
                "The WAF rule of the tracker API of " + stack.scenario().name() + " blocked a source IP over its limit (429)",
                blocked)));
        alarms.addAll(pipelineAlarms);
        Topic alarmTopic = AlarmTopic.create(stack, key, stack.props().alarmEmail(), alarms);
        stack.output("AlarmTopicArn", alarmTopic.getTopicArn(), "the alarms' notifications; subscribe to it, or deploy with -c alarmEmail=...");
    }

    /** Any message in the FIFO queue's dead-letter queue is a lost event too. */
    static Alarm fifoDeadLetterAlarm(ScenarioStack stack, Queue fifoDeadLetters) {
        return anyAboveZero(stack, "FifoDeadLetterAlarm",
                "Events of " + stack.scenario().name() + " reached the FIFO dead-letter queue",
                fifoDeadLetters.metricApproximateNumberOfMessagesVisible(perMinute("Maximum")));
    }

    /** Alarms on the first minute whose value is above 0; a minute without data is no alarm. */
    private static Alarm anyAboveZero(ScenarioStack stack, String id, String description, IMetric metric) {
        return Alarm.Builder.create(stack, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
    }

    private static MetricOptions perMinute(String statistic) {
        return MetricOptions.builder().period(Duration.minutes(1)).statistic(statistic).build();
    }
}
