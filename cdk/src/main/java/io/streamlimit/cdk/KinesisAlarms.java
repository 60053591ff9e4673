package io.streamlimit.cdk;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.kinesis.IStream;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/** The Kinesis pipeline's own alarms: a consumer falling behind, and records the mapping gave up on. */
final class KinesisAlarms {

    /**
     * A minute behind: the oldest record not yet read (GetRecords.IteratorAgeMilliseconds, the
     * stream's worst shard) waited longer than a blocked batch's first retries take, so a shard is
     * blocked or the consumer reads slower than the stream is written.
     */
    static final int ITERATOR_AGE_THRESHOLD_MILLIS = 60_000;

    private KinesisAlarms() {
    }

    static List<Alarm> create(Construct scope, String scenarioName, IStream stream, IQueue onFailure) {
        Alarm iteratorAge = Alarm.Builder.create(scope, "IteratorAgeAlarm")
                .alarmDescription("The consumer of " + scenarioName + " left a record of the stream unread for over "
                        + ITERATOR_AGE_THRESHOLD_MILLIS / 1000 + " s")
                .metric(stream.metricGetRecordsIteratorAgeMilliseconds(perMinute("Maximum")))
                .threshold(ITERATOR_AGE_THRESHOLD_MILLIS)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        Alarm onFailureArrivals = Alarm.Builder.create(scope, "OnFailureArrivalsAlarm")
                .alarmDescription("The Kinesis mapping of " + scenarioName
                        + " gave up on records (retries or record age exhausted) and sent them to the on-failure queue")
                .metric(onFailure.metricNumberOfMessagesSent(perMinute("Sum")))
                .threshold(0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .evaluationPeriods(1)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        return List.of(iteratorAge, onFailureArrivals);
    }

    private static MetricOptions perMinute(String statistic) {
        return MetricOptions.builder().period(Duration.minutes(1)).statistic(statistic).build();
    }
}
