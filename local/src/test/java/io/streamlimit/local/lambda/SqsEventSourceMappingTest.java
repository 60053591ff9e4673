package io.streamlimit.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.local.AwsClients;
import io.streamlimit.local.sqs.ElasticMqServer;
import io.streamlimit.local.sqs.QueueWithDlq;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The emulated mapping against a real ElasticMQ: its size while the queue cannot be read. */
class SqsEventSourceMappingTest {

    @Test
    void a_failed_queue_depth_read_keeps_the_mapping_at_its_size() {
        CountDownLatch release = new CountDownLatch(1);
        // Every invocation holds its batch until the end, so messages keep waiting and the mapping grows.
        RequestHandler<SQSEvent, SQSBatchResponse> holding = (event, context) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SQSBatchResponse();
        };
        ElasticMqServer server = ElasticMqServer.start(0);
        try (SqsClient sqs = AwsClients.sqs(server.endpoint());
             LambdaFunction<SQSEvent, SQSBatchResponse> function = new LambdaFunction<>(
                     new FunctionConfig("held", null, Duration.ofSeconds(60), 512), () -> holding, 900,
                     Clock.systemUTC(), LambdaObserver.NONE)) {
            QueueWithDlq queue = QueueWithDlq.create(sqs, "depth", 360, 5);
            sendMessages(sqs, queue.queueUrl(), 500);
            SqsMappingConfig config = new SqsMappingConfig(queue.queueUrl(), queue.queueArn(), 10, Duration.ZERO, null,
                    Duration.ofSeconds(360), Duration.ofSeconds(1), 64, AwsBehaviour.current());
            try (SqsEventSourceMapping mapping = new SqsEventSourceMapping(sqs, config, function, Clock.systemUTC(),
                    MappingObserver.NONE)) {
                mapping.start();
                // 300 batches a minute: 5 more a scaling tick while messages wait, from 2.
                await().atMost(20, TimeUnit.SECONDS).until(() -> mapping.targetBatches() >= 12);

                server.close(); // every read of the queue's depth fails from now on
                int size = mapping.targetBatches();

                // Three scaling ticks without a reading: the mapping neither grows nor shrinks.
                await().during(3, TimeUnit.SECONDS).atMost(5, TimeUnit.SECONDS)
                        .until(() -> mapping.targetBatches() == size);
                assertThat(mapping.targetBatches()).isEqualTo(size);
            } finally {
                release.countDown();
            }
        }
    }

    private static void sendMessages(SqsClient sqs, String queueUrl, int count) {
        for (int sent = 0; sent < count; sent += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = sent; i < Math.min(count, sent + 10); i++) {
                entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody("message " + i).build());
            }
            sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        }
    }
}
