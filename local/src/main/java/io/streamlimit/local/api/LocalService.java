package io.streamlimit.local.api;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.rules.KinesisShards;
import io.streamlimit.aws.rules.KinesisWriteLimits;
import io.streamlimit.check.CheckHandler;
import io.streamlimit.check.CheckService;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.streamlimit.consumer.ConsumerHandler;
import io.streamlimit.consumer.KinesisConsumerHandler;
import io.streamlimit.consumer.ConsumerService;
import io.streamlimit.consumer.Downstream;
import io.streamlimit.consumer.LedgerWriters;
import io.streamlimit.consumer.SqsDeadLetters;
import io.streamlimit.event.EventParser;
import io.streamlimit.ledger.DynamoDbLedgerStore;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.LedgerTableSchema;
import io.streamlimit.local.http.HttpApiServer;
import io.streamlimit.local.http.RecordsRoute;
import io.streamlimit.local.kinesis.KinesisEventPublisher;
import io.streamlimit.local.kinesis.ShardWriteLimits;
import io.streamlimit.local.lambda.KinesisEventSourceMapping;
import io.streamlimit.local.lambda.KinesisMappingConfig;
import io.streamlimit.local.lambda.KinesisMappingObserver;
import io.streamlimit.local.lambda.FunctionConfig;
import io.streamlimit.local.lambda.LambdaFunction;
import io.streamlimit.local.lambda.LambdaObserver;
import io.streamlimit.local.lambda.MappingObserver;
import io.streamlimit.local.lambda.SqsEventSourceMapping;
import io.streamlimit.local.lambda.SqsMappingConfig;
import io.streamlimit.local.sns.LocalTopic;
import io.streamlimit.local.sns.SqsSubscription;
import io.streamlimit.local.sqs.QueueWithDlq;
import io.streamlimit.local.stack.LocalStack;
import io.streamlimit.local.tracker.TrackerServer;
import io.streamlimit.scenario.StreamSpec;
import io.streamlimit.producer.SnsEventPublisher;
import io.streamlimit.tracker.TrackerTableSchema;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;

/**
 * What {@code streamlimit up} serves on the local stack: the HTTP API (check, acquire, events),
 * the events pipeline behind it (topic -> queue with DLQ -> event source mapping -> the consumer
 * on the Lambda emulator -> the ledger), the ordered pipeline (FIFO topic -> FIFO queue with a FIFO
 * DLQ -> its mapping -> the same consumer), and the request-count tracker. With Kinesis on the
 * stack, also {@code POST /records} and the Kinesis pipeline behind it (stream -> Kinesis event
 * source mapping with an on-failure queue -> the consumer -> the same ledger).
 */
public final class LocalService implements AutoCloseable {

    /** The pipeline behind {@code POST /events}: the recommended settings, no downstream. */
    private static final int VISIBILITY_SECONDS = 60;
    private static final int MAX_RECEIVE_COUNT = 5;
    private static final int BATCH_SIZE = 10;
    private static final int MAXIMUM_CONCURRENCY = 5;
    /** The FIFO topic and queue of the ordered pipeline (sns-fifo-sqs-fifo-lambda). */
    public static final String FIFO_TOPIC = "streamlimit-events.fifo";

    private final ConsumerService consumerService;
    private final ConsumerService fifoConsumerService;
    private final LambdaFunction<SQSEvent, SQSBatchResponse> consumer;
    private final SqsEventSourceMapping mapping;
    private final LambdaFunction<SQSEvent, SQSBatchResponse> fifoConsumer;
    private final SqsEventSourceMapping fifoMapping;
    private final QueueWithDlq fifoQueue;
    private final String fifoTopicArn;
    private final HttpApiServer api;
    private final TrackerServer tracker;
    private final QueueWithDlq queue;
    private final String topicArn;
    /** The Kinesis pipeline's; null without Kinesis on the stack. */
    private final LambdaFunction<KinesisEvent, StreamsEventResponse> streamConsumer;
    private final KinesisEventSourceMapping streamMapping;
    private final String onFailureQueueUrl;

    /** The on-failure destination of the Kinesis event source mapping. */
    public static final String ON_FAILURE_QUEUE = "streamlimit-events-on-failure";

    public record Ports(int api, int tracker) {
    }

    private LocalService(LocalStack stack, LedgerSettings ledgerSettings, Ports ports, Clock clock) {
        LedgerTableSchema.createIfMissing(stack.dynamoDb(), LedgerTableSchema.DEFAULT_TABLE_NAME);
        Ledger ledger = new Ledger(new DynamoDbLedgerStore(stack.dynamoDb(), LedgerTableSchema.DEFAULT_TABLE_NAME), ledgerSettings, clock);

        LocalTopic topic = new LocalTopic("streamlimit-events", clock);
        stack.snsServer().addTopic(topic);
        topicArn = topic.arn();
        queue = QueueWithDlq.create(stack.sqs(), "streamlimit-events", VISIBILITY_SECONDS, MAX_RECEIVE_COUNT);
        // Raw delivery, as the CDK stack subscribes the queue: it holds the event, not the SNS envelope.
        topic.subscribe(new SqsSubscription(stack.sqs(), queue.queueUrl(), queue.queueArn(), true));

        consumerService = new ConsumerService(new EventParser(), ledger, Downstream.NONE,
                new LedgerWriters(BATCH_SIZE * MAXIMUM_CONCURRENCY), new SqsDeadLetters(stack.sqs(), queue.dlqUrl()));
        consumer = new LambdaFunction<>(new FunctionConfig("streamlimit-consumer", null, Duration.ofSeconds(10), 512),
                () -> new ConsumerHandler(consumerService), AwsBehaviour.current().unreservedConcurrency(), clock, LambdaObserver.NONE);
        mapping = new SqsEventSourceMapping(stack.sqs(), new SqsMappingConfig(queue.queueUrl(), queue.queueArn(), BATCH_SIZE,
                Duration.ZERO, MAXIMUM_CONCURRENCY, Duration.ofSeconds(VISIBILITY_SECONDS), Duration.ofSeconds(1), 16,
                AwsBehaviour.current()), consumer, clock, MappingObserver.NONE);
        mapping.start();

        // The ordered pipeline beside it: FIFO topic -> FIFO queue with a FIFO DLQ -> its own mapping,
        // the same consumer. SNS's CreateTopic is not served, so the topic is made here.
        AwsBehaviour aws = AwsBehaviour.current();
        LocalTopic fifoTopic = LocalTopic.fifo(FIFO_TOPIC, clock, false, aws.fifoDeduplicationInterval());
        stack.snsServer().addTopic(fifoTopic);
        fifoTopicArn = fifoTopic.arn();
        fifoQueue = QueueWithDlq.createFifo(stack.sqs(), "streamlimit-events", VISIBILITY_SECONDS, MAX_RECEIVE_COUNT);
        fifoTopic.subscribe(new SqsSubscription(stack.sqs(), fifoQueue.queueUrl(), fifoQueue.queueArn(), true));
        // Its own dead letters go to the FIFO DLQ, grouped by uid, beside those the queue's redrive moves there.
        fifoConsumerService = new ConsumerService(new EventParser(), ledger, Downstream.NONE,
                new LedgerWriters(BATCH_SIZE * MAXIMUM_CONCURRENCY), new SqsDeadLetters(stack.sqs(), fifoQueue.dlqUrl()));
        fifoConsumer = new LambdaFunction<>(new FunctionConfig("streamlimit-consumer-fifo", null, Duration.ofSeconds(10), 512),
                () -> new ConsumerHandler(fifoConsumerService), aws.unreservedConcurrency(), clock, LambdaObserver.NONE);
        fifoMapping = new SqsEventSourceMapping(stack.sqs(), new SqsMappingConfig(fifoQueue.queueUrl(), fifoQueue.queueArn(),
                BATCH_SIZE, Duration.ZERO, MAXIMUM_CONCURRENCY, Duration.ofSeconds(VISIBILITY_SECONDS), Duration.ofSeconds(1), 16,
                aws), fifoConsumer, clock, MappingObserver.NONE);
        fifoMapping.start();

        // In AWS, POST /events is an API Gateway -> SNS integration; locally the check handler serves it.
        CheckService check = new CheckService(ledger, new SnsEventPublisher(stack.sns(), topic.arn()));
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler = new CheckHandler(check);
        if (stack.kinesis() != null) {
            onFailureQueueUrl = stack.sqs().createQueue(b -> b.queueName(ON_FAILURE_QUEUE)).queueUrl();
            streamConsumer = new LambdaFunction<>(new FunctionConfig("streamlimit-stream-consumer", null,
                    Duration.ofSeconds(10), 512), () -> new KinesisConsumerHandler(consumerService),
                    AwsBehaviour.current().unreservedConcurrency(), clock, LambdaObserver.NONE);
            // AWS's defaults for the mapping, as a scenario without a stream: block gets them.
            streamMapping = new KinesisEventSourceMapping(stack.kinesis(), stack.sqs(), KinesisMappingConfig.of(
                    LocalStack.STREAM_NAME, StreamSpec.defaults(), AwsBehaviour.current(), onFailureQueueUrl),
                    streamConsumer, clock, KinesisMappingObserver.NONE);
            streamMapping.start();
            // In AWS, POST /records is an API Gateway -> Kinesis (PutRecords) integration; kinesis-local does not
            // enforce the shards' write limits, so the shared rule does, as in run's producer (without its retries).
            int shards = stack.kinesis().listShards(b -> b.streamName(LocalStack.STREAM_NAME)).shards().size();
            ShardWriteLimits limits = new ShardWriteLimits(KinesisWriteLimits.of(aws, shards), new KinesisShards(shards),
                    clock, new Random(1), at -> { });
            handler = new RecordsRoute(handler, new KinesisEventPublisher(stack.kinesis(), LocalStack.STREAM_NAME, limits));
        } else {
            onFailureQueueUrl = null;
            streamConsumer = null;
            streamMapping = null;
        }
        api = HttpApiServer.start("api", ports.api(), 32, handler);
        tracker = TrackerServer.start(stack.dynamoDb(), TrackerTableSchema.DEFAULT_TABLE_NAME, ports.tracker());
    }

    public static LocalService start(LocalStack stack, LedgerSettings ledgerSettings, Ports ports, Clock clock) {
        return new LocalService(stack, ledgerSettings, ports, clock);
    }

    public URI apiUrl() {
        return api.url();
    }

    public URI trackerUrl() {
        return tracker.url();
    }

    public String topicArn() {
        return topicArn;
    }

    public QueueWithDlq queue() {
        return queue;
    }

    /** The Kinesis mapping's on-failure queue; null without Kinesis on the stack. */
    public String onFailureQueueUrl() {
        return onFailureQueueUrl;
    }

    public String fifoTopicArn() {
        return fifoTopicArn;
    }

    public QueueWithDlq fifoQueue() {
        return fifoQueue;
    }

    @Override
    public void close() {
        api.close();
        tracker.close();
        mapping.close();
        fifoMapping.close();
        if (streamMapping != null) {
            streamMapping.close();
            streamConsumer.close();
        }
        consumer.close();
        fifoConsumer.close();
        consumerService.close();
        fifoConsumerService.close();
    }
}
