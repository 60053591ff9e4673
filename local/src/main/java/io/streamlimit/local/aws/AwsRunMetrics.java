package io.streamlimit.local.aws;

import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * What CloudWatch knows of a run that its {@code invocations} rows do not: each series is the
 * metric's value per period start.
 *
 * @param throttles the consumer's {@code Throttles} (Sum)
 * @param concurrency the consumer's {@code ConcurrentExecutions} (Maximum)
 * @param invocations the consumer's {@code Invocations} (Sum)
 * @param received the queue's {@code NumberOfMessagesReceived} (Sum); empty for {@code sns-lambda}
 * @param sentToQueue the queue's {@code NumberOfMessagesSent} (Sum): its first deliveries
 * @param deadLettered the DLQ's {@code NumberOfMessagesSent} (Sum): DLQ arrivals
 * @param published the topic's {@code NumberOfMessagesPublished} (Sum): the run's events
 */
public record AwsRunMetrics(
        NavigableMap<Instant, Long> throttles,
        NavigableMap<Instant, Long> concurrency,
        NavigableMap<Instant, Long> invocations,
        NavigableMap<Instant, Long> received,
        NavigableMap<Instant, Long> sentToQueue,
        NavigableMap<Instant, Long> deadLettered,
        NavigableMap<Instant, Long> published) {

    public static final String CONSUMER = "ConsumerFunctionName";
    public static final String QUEUE = "QueueUrl";
    public static final String DLQ = "DeadLetterQueueUrl";
    public static final String TOPIC = "TopicArn";

    /** Reads the seven series of the stack's consumer, queues and topic. */
    public static AwsRunMetrics fetch(CloudWatchClient cloudWatch, StackOutputs outputs, MetricWindow window) {
        String consumer = outputs.require(CONSUMER);
        String dlq = StackOutputs.queueName(outputs.require(DLQ));
        String topic = StackOutputs.topicName(outputs.require(TOPIC));
        String queue = outputs.optional(QUEUE).map(StackOutputs::queueName).orElse(null);
        return new AwsRunMetrics(
                CloudWatchSeries.fetch(cloudWatch, "AWS/Lambda", "Throttles", "FunctionName", consumer, "Sum", window),
                CloudWatchSeries.fetch(cloudWatch, "AWS/Lambda", "ConcurrentExecutions", "FunctionName", consumer, "Maximum", window),
                CloudWatchSeries.fetch(cloudWatch, "AWS/Lambda", "Invocations", "FunctionName", consumer, "Sum", window),
                queue == null ? new TreeMap<>()
                        : CloudWatchSeries.fetch(cloudWatch, "AWS/SQS", "NumberOfMessagesReceived", "QueueName", queue, "Sum", window),
                queue == null ? new TreeMap<>()
                        : CloudWatchSeries.fetch(cloudWatch, "AWS/SQS", "NumberOfMessagesSent", "QueueName", queue, "Sum", window),
                CloudWatchSeries.fetch(cloudWatch, "AWS/SQS", "NumberOfMessagesSent", "QueueName", dlq, "Sum", window),
                CloudWatchSeries.fetch(cloudWatch, "AWS/SNS", "NumberOfMessagesPublished", "TopicName", topic, "Sum", window));
    }

    static long total(NavigableMap<Instant, Long> series) {
        return series.values().stream().mapToLong(Long::longValue).sum();
    }

    static long max(NavigableMap<Instant, Long> series) {
        return series.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
