package io.streamlimit.local.parity;

import io.streamlimit.local.stack.LocalStack;
import io.streamlimit.local.stack.LocalStackOptions;
import java.nio.file.Path;
import java.util.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.*;

class TimingIT {
    @TempDir static Path dir;

    @Test
    void time() throws Exception {
        try (LocalStack stack = LocalStack.start(new LocalStackOptions(0, null, 0, dir, 0, null))) {
            var sqs = stack.sqs();
            String fifo = sqs.createQueue(b -> b.queueName("t-timing.fifo").attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
            String std = sqs.createQueue(b -> b.queueName("t-timing")).queueUrl();
            var sns = stack.sns();
            var lt = io.streamlimit.local.sns.LocalTopic.fifo("t-topic.fifo", java.time.Clock.systemUTC(), false, java.time.Duration.ofMinutes(5));
            stack.snsServer().addTopic(lt);
            String topicArn = lt.arn();
            String fifoArn = sqs.getQueueAttributes(b -> b.queueUrl(fifo).attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
            for (int round = 0; round < 4; round++) {
                if (round == 2) {
                    sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(fifoArn).attributes(Map.of("RawMessageDelivery", "true")));
                }
                long t0 = System.nanoTime();
                for (int i = 0; i < 30; i++) {
                    final int ii = i; final int rr = round;
                    List<software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry> es = new ArrayList<>();
                    for (int j = 0; j < 10; j++) {
                        es.add(software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry.builder().id("m" + j).message("{\"x\":" + (ii * 10 + j) + "}")
                            .messageGroupId("u" + ((ii * 10 + j) % 200)).messageDeduplicationId("p" + rr + "-" + ii + "-" + j).build());
                    }
                    sns.publishBatch(b -> b.topicArn(topicArn).publishBatchRequestEntries(es));
                }
                System.out.printf("TIMING sns fifo publishBatch round %d 30 batches: %d ms%n", round, (System.nanoTime() - t0) / 1_000_000);
            }
            for (int round = 0; round < 3; round++) {
                for (String url : List.of(fifo, std)) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < 30; i++) {
                        List<SendMessageBatchRequestEntry> es = new ArrayList<>();
                        for (int j = 0; j < 10; j++) {
                            var e = SendMessageBatchRequestEntry.builder().id("m" + j).messageBody("{\"x\":" + (i * 10 + j) + "}");
                            if (url.endsWith(".fifo")) e.messageGroupId("u" + ((i * 10 + j) % 200)).messageDeduplicationId(round + "-" + i + "-" + j);
                            es.add(e.build());
                        }
                        sqs.sendMessageBatch(b -> b.queueUrl(url).entries(es));
                    }
                    System.out.printf("TIMING %s 30 batches: %d ms%n", url, (System.nanoTime() - t0) / 1_000_000);
                }
            }
        }
    }
}
