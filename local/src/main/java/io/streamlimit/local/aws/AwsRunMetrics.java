package io.streamlimit.local.aws;

import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * What CloudWatch knows of a run that its {@code invocations} rows do not: each series is the
 * metric's value per period start. Metrics from
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html,
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html
 * and, for the Kinesis stack, https://docs.aws.amazon.com/streams/latest/dev/monitoring-with-cloudwatch.html.
 *
 * @param throttles the consumer's {@code Throttles} (Sum)
 * @param concurrency the consumer's {@code ConcurrentExecutions} (Maximum)
 * @param invocations the consumer's {@code Invocations} (Sum)
 * @param received the queue's {@code NumberOfMessagesReceived} (Sum); empty for {@code sns-lambda} and Kinesis
 * @param sentToQueue the queue's {@code NumberOfMessagesSent} (Sum): its first deliveries
 * @param deadLettered the DLQ's {@code NumberOfMessagesSent} (Sum): DLQ arrivals
 * @param published the topic's {@code NumberOfMessagesPublished} (Sum), or the stream's
 *     {@code IncomingRecords} (Sum): the run's events
 * @param onFailure the Kinesis mapping's on-failure queue's {@code NumberOfMessagesSent} (Sum): one
 *     message per batch the mapping gave up on; empty for topic stacks
 * @param iteratorAgeMillis the stream's {@code GetRecords.IteratorAgeMilliseconds} (Maximum); empty for topic stacks
 * @param putThrottles the stream's {@code WriteProvisionedThroughputExceeded} (Sum): records its
 *     shards refused; empty for topic stacks
 */
public record AwsRunMetrics(
        NavigableMap<Instant, Long> throttles,
        NavigableMap<Instant, Long> concurrency,
        NavigableMap<Instant, Long> invocations,
        NavigableMap<Instant, Long> received,
        NavigableMap<Instant, Long> sentToQueue,
        NavigableMap<Instant, Long> deadLettered,
        NavigableMap<Instant, Long> published,
        NavigableMap<Instant, Long> onFailure,
        NavigableMap<Instant, Long> iteratorAgeMillis,
        NavigableMap<Instant, Long> putThrottles) {

    public static final String CONSUMER = "ConsumerFunctionName";
    public static final String QUEUE = "QueueUrl";
    public static final String DLQ = "DeadLetterQueueUrl";
    public static final String TOPIC = "TopicArn";
    public static final String STREAM = "StreamName";
    public static final String ON_FAILURE_QUEUE = "OnFailureQueueUrl";

    /** A topic stack's seven series. */
    public AwsRunMetrics(NavigableMap<Instant, Long> throttles, NavigableMap<Instant, Long> concurrency,
                         NavigableMap<Instant, Long> invocations, NavigableMap<Instant, Long> received,
                         NavigableMap<Instant, Long> sentToQueue, NavigableMap<Instant, Long> deadLettered,
                         NavigableMap<Instant, Long> published) {
        this(throttles, concurrency, invocations, received, sentToQueue, deadLettered, published,
                new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }

    /** Reads the series of the stack's consumer and, by its kind, its queues and topic or its stream. */
    public static AwsRunMetrics fetch(CloudWatchClient cloudWatch, StackOutputs outputs, MetricWindow window) {
        String consumer = outputs.require(CONSUMER);
        String dlq = StackOutputs.queueName(outputs.require(DLQ));
        NavigableMap<Instant, Long> throttles =
                CloudWatchSeries.fetch(cloudWatch, "AWS/Lambda", "Throttles", "FunctionName", consumer, "Sum", window);
        NavigableMap<Instant, Long> concurrency =
                CloudWatchSeries.fetch(cloudWatch, "AWS/Lambda", "ConcurrentExecutions", "FunctionName", consumer, "Maximum", window);
        NavigableMap<Instant, Long> invocations =
                CloudWatchSeries.fetch(cloudWatch, "AWS/Lambda", "Invocations", "FunctionName", consumer, "Sum", window);
        NavigableMap<Instant, Long> deadLettered =
                CloudWatchSeries.fetch(cloudWatch, "AWS/SQS", "NumberOfMessagesSent", "QueueName", dlq, "Sum", window);
        if (StackKind.of(outputs) == StackKind.KINESIS) {
            String stream = outputs.require(STREAM);
            String onFailure = StackOutputs.queueName(outputs.require(ON_FAILURE_QUEUE));
            return new AwsRunMetrics(throttles, concurrency, invocations, new TreeMap<>(), new TreeMap<>(), deadLettered,
                    CloudWatchSeries.fetch(cloudWatch, "AWS/Kinesis", "IncomingRecords", "StreamName", stream, "Sum", window),
                    CloudWatchSeries.fetch(cloudWatch, "AWS/SQS", "NumberOfMessagesSent", "QueueName", onFailure, "Sum", window),
                    CloudWatchSeries.fetch(cloudWatch, "AWS/Kinesis", "GetRecords.IteratorAgeMilliseconds", "StreamName", stream,
                            "Maximum", window),
                    CloudWatchSeries.fetch(cloudWatch, "AWS/Kinesis", "WriteProvisionedThroughputExceeded", "StreamName", stream,
                            "Sum", window));
        }
        String topic = StackOutputs.topicName(outputs.require(TOPIC));
        String queue = outputs.optional(QUEUE).map(StackOutputs::queueName).orElse(null);
        return new AwsRunMetrics(throttles, concurrency, invocations,
                queue == null ? new TreeMap<>()
                        : CloudWatchSeries.fetch(cloudWatch, "AWS/SQS", "NumberOfMessagesReceived", "QueueName", queue, "Sum", window),
                queue == null ? new TreeMap<>()
                        : CloudWatchSeries.fetch(cloudWatch, "AWS/SQS", "NumberOfMessagesSent", "QueueName", queue, "Sum", window),
                deadLettered,
                CloudWatchSeries.fetch(cloudWatch, "AWS/SNS", "NumberOfMessagesPublished", "TopicName", topic, "Sum", window));
    }

    static long total(NavigableMap<Instant, Long> series) {
        return series.values().stream().mapToLong(Long::longValue).sum();
    }

    static long max(NavigableMap<Instant, Long> series) {
        return series.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
