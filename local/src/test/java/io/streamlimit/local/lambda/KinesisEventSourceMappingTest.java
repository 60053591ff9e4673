package io.streamlimit.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.local.AwsClients;
import io.streamlimit.aws.rules.KinesisShardPoller;
import io.streamlimit.local.kinesis.KinesisServer;
import io.streamlimit.local.sqs.ElasticMqServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The emulated Kinesis mapping against kinesis-local and ElasticMQ: order per key, retries, the on-failure queue. */
class KinesisEventSourceMappingTest {

    private static KinesisServer kinesisServer;
    private static ElasticMqServer sqsServer;
    private static SqsClient sqs;
    private static final AtomicInteger STREAMS = new AtomicInteger();

    @BeforeAll
    static void startServers() {
        kinesisServer = KinesisServer.start(0);
        sqsServer = ElasticMqServer.start(0);
        sqs = AwsClients.sqs(sqsServer.endpoint());
    }

    @AfterAll
    static void stopServers() {
        sqs.close();
        sqsServer.close();
        kinesisServer.close();
    }

    private static String stream(int shards) {
        String name = "stream-" + STREAMS.incrementAndGet();
        kinesisServer.client().createStream(b -> b.streamName(name).shardCount(shards));
        return name;
    }

    private static void put(String stream, String key, String data) {
        kinesisServer.client().putRecord(b -> b.streamName(stream).partitionKey(key)
                .data(SdkBytes.fromString(data, StandardCharsets.UTF_8)));
    }

    private static String data(KinesisEvent.KinesisEventRecord record) {
        return StandardCharsets.UTF_8.decode(record.getKinesis().getData().duplicate()).toString();
    }

    private static LambdaFunction<KinesisEvent, StreamsEventResponse> function(
            RequestHandler<KinesisEvent, StreamsEventResponse> handler) {
        return new LambdaFunction<>(new FunctionConfig("consumer", null, Duration.ofSeconds(10), 512), () -> handler,
                100, Clock.systemUTC(), LambdaObserver.NONE);
    }

    private static KinesisMappingConfig config(String stream, KinesisShardPoller.Settings settings, String onFailureQueueUrl) {
        return new KinesisMappingConfig(stream, KinesisMappingConfig.localStreamArn(stream), settings, onFailureQueueUrl);
    }

    @Test
    void every_record_reaches_the_function_once_in_order_per_partition_key_across_shards_and_lanes() {
        String stream = stream(2);
        Map<String, List<String>> seen = new ConcurrentHashMap<>();
        RequestHandler<KinesisEvent, StreamsEventResponse> recording = (event, context) -> {
            event.getRecords().forEach(r -> seen.computeIfAbsent(r.getKinesis().getPartitionKey(),
                    k -> Collections.synchronizedList(new ArrayList<>())).add(data(r)));
            return new StreamsEventResponse();
        };
        KinesisMappingConfig config = config(stream, new KinesisShardPoller.Settings(5, 0, 2, 100, false, -1, -1), null);
        try (LambdaFunction<KinesisEvent, StreamsEventResponse> function = function(recording);
             KinesisEventSourceMapping mapping = new KinesisEventSourceMapping(kinesisServer.client(), sqs, config,
                     function, Clock.systemUTC(), KinesisMappingObserver.NONE)) {
            mapping.start();
            for (int i = 0; i < 20; i++) {
                for (String uid : List.of("u-1", "u-2", "u-3", "u-4")) {
                    put(stream, uid, uid + "#" + i);
                }
            }
            await().atMost(30, TimeUnit.SECONDS).until(() -> seen.values().stream().mapToInt(List::size).sum() == 80);
            for (String uid : List.of("u-1", "u-2", "u-3", "u-4")) {
                List<String> expected = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    expected.add(uid + "#" + i);
                }
                assertThat(seen.get(uid)).as(uid).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void a_failing_batch_blocks_its_shard_until_its_retries_run_out_then_its_metadata_goes_to_the_on_failure_queue() throws Exception {
        String stream = stream(1);
        String queueUrl = sqs.createQueue(b -> b.queueName(stream + "-on-failure")).queueUrl();
        List<String> applied = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger poisonAttempts = new AtomicInteger();
        // Fails on "poison" every time (a function error); applies the others.
        RequestHandler<KinesisEvent, StreamsEventResponse> handler = (event, context) -> {
            for (KinesisEvent.KinesisEventRecord r : event.getRecords()) {
                if (data(r).equals("poison")) {
                    poisonAttempts.incrementAndGet();
                    throw new IllegalStateException("poison");
                }
                applied.add(data(r));
            }
            return new StreamsEventResponse();
        };
        // One record a batch, two retries after the first attempt.
        KinesisMappingConfig config = config(stream, new KinesisShardPoller.Settings(1, 0, 1, 100, false, 2, -1), queueUrl);
        List<String> discarded = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger blockingRetries = new AtomicInteger();
        KinesisMappingObserver observer = new KinesisMappingObserver() {
            @Override
            public void blockingRetry(String shardId, int batchSize, java.time.Instant at) {
                blockingRetries.incrementAndGet();
            }

            @Override
            public void discarded(String shardId, List<String> data, String reason, java.time.Instant at) {
                discarded.add(reason + " " + data);
            }
        };
        try (LambdaFunction<KinesisEvent, StreamsEventResponse> function = function(handler);
             KinesisEventSourceMapping mapping = new KinesisEventSourceMapping(kinesisServer.client(), sqs, config,
                     function, Clock.systemUTC(), observer)) {
            put(stream, "u-1", "a");
            put(stream, "u-1", "poison");
            put(stream, "u-1", "b");
            mapping.start();

            await().atMost(30, TimeUnit.SECONDS).until(() -> applied.size() == 2);
            assertThat(applied).containsExactly("a", "b");
            // The first attempt and its two retries, then the batch is discarded.
            assertThat(poisonAttempts.get()).isEqualTo(3);
            assertThat(blockingRetries.get()).isEqualTo(2);
            assertThat(discarded).containsExactly("RetryAttemptsExhausted [poison]");

            List<Message> arrived = sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(5)).messages();
            assertThat(arrived).hasSize(1);
            JsonNode body = new ObjectMapper().readTree(arrived.get(0).body());
            assertThat(body.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(body.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
            assertThat(body.at("/KinesisBatchInfo/batchSize").asInt()).isEqualTo(1);
            assertThat(body.at("/KinesisBatchInfo/streamArn").asText()).isEqualTo(KinesisMappingConfig.localStreamArn(stream));
            assertThat(body.at("/KinesisBatchInfo/shardId").asText()).isEqualTo("shardId-000000000000");
            String poisonSequence = body.at("/KinesisBatchInfo/startSequenceNumber").asText();
            assertThat(body.at("/KinesisBatchInfo/endSequenceNumber").asText()).isEqualTo(poisonSequence);
            // The metadata names the record, which the stream still holds.
            String iterator = kinesisServer.client().getShardIterator(b -> b.streamName(stream).shardId("shardId-000000000000")
                    .shardIteratorType("AT_SEQUENCE_NUMBER").startingSequenceNumber(poisonSequence)).shardIterator();
            KinesisClient kinesis = kinesisServer.client();
            assertThat(kinesis.getRecords(b -> b.shardIterator(iterator).limit(1)).records().get(0).data().asUtf8String())
                    .isEqualTo("poison");
        }
    }

    @Test
    void with_bisection_a_failing_batch_is_split_until_the_bad_record_stands_alone() {
        String stream = stream(1);
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        List<String> applied = Collections.synchronizedList(new ArrayList<>());
        // Throws (a function error) on any batch holding "poison"; applies the others.
        RequestHandler<KinesisEvent, StreamsEventResponse> handler = (event, context) -> {
            batchSizes.add(event.getRecords().size());
            if (event.getRecords().stream().anyMatch(r -> data(r).equals("poison"))) {
                throw new IllegalStateException("poison");
            }
            event.getRecords().forEach(r -> applied.add(data(r)));
            return new StreamsEventResponse();
        };
        for (String data : List.of("a", "b", "c", "poison")) {
            put(stream, "u-1", data);
        }
        KinesisMappingConfig config = config(stream, new KinesisShardPoller.Settings(4, 1_000, 1, 100, true, 0, -1), null);
        try (LambdaFunction<KinesisEvent, StreamsEventResponse> function = function(handler);
             KinesisEventSourceMapping mapping = new KinesisEventSourceMapping(kinesisServer.client(), sqs, config,
                     function, Clock.systemUTC(), KinesisMappingObserver.NONE)) {
            mapping.start();
            await().atMost(30, TimeUnit.SECONDS).until(() -> applied.size() == 3 && batchSizes.size() == 5);
            // [a b c poison] fails, [a b] succeeds, [c poison] fails, [c] succeeds, [poison] fails and,
            // splitting no more and with no retries allowed, is given up.
            assertThat(applied).containsExactly("a", "b", "c");
            assertThat(batchSizes).containsExactly(4, 2, 2, 1, 1);
        }
    }
}
