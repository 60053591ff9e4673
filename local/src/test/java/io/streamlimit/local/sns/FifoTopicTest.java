package io.streamlimit.local.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.clock.ManualClock;
import io.streamlimit.local.sqs.ElasticMqExtension;
import io.streamlimit.local.sqs.QueueWithDlq;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** A FIFO topic delivering to a FIFO queue of the real ElasticMQ: groups, order, deduplication, redrive. */
class FifoTopicTest {

    private static final Duration INTERVAL = Duration.ofMinutes(5);

    @RegisterExtension
    static final ElasticMqExtension ELASTICMQ = new ElasticMqExtension();

    private record Setup(LocalTopic topic, QueueWithDlq queue, ManualClock clock) {
    }

    private static Setup setup(boolean contentBased, int visibilitySeconds, int maxReceiveCount) {
        ManualClock clock = ManualClock.startingNow();
        String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
        LocalTopic topic = LocalTopic.fifo(name + ".fifo", clock, contentBased, INTERVAL);
        QueueWithDlq queue = QueueWithDlq.createFifo(ELASTICMQ.sqs(), name, visibilitySeconds, maxReceiveCount);
        topic.subscribe(new SqsSubscription(ELASTICMQ.sqs(), queue.queueUrl(), queue.queueArn(), true));
        return new Setup(topic, queue, clock);
    }

    private static SnsPublication message(String text, String group, String dedup) {
        return new SnsPublication(SnsMessage.plain(text), group, dedup);
    }

    @Test
    void the_queue_and_its_dlq_are_fifo_with_a_redrive_policy() {
        Setup s = setup(false, 30, 3);
        assertThat(s.queue().queueUrl()).endsWith(".fifo");
        assertThat(s.queue().dlqUrl()).endsWith("-dlq.fifo");
        assertThat(s.queue().fifo()).isTrue();
        var attributes = ELASTICMQ.sqs().getQueueAttributes(b -> b.queueUrl(s.queue().queueUrl()).attributeNamesWithStrings("All"))
                .attributesAsStrings();
        assertThat(attributes).containsEntry("FifoQueue", "true").containsEntry("VisibilityTimeout", "30");
        assertThat(attributes.get("RedrivePolicy")).contains(s.queue().dlqArn()).contains("3");
        assertThat(ELASTICMQ.sqs().getQueueAttributes(b -> b.queueUrl(s.queue().dlqUrl()).attributeNamesWithStrings("FifoQueue"))
                .attributesAsStrings()).containsEntry("FifoQueue", "true");
    }

    @Test
    void group_and_deduplication_id_reach_the_queue_in_order_with_sequence_numbers() {
        Setup s = setup(false, 30, 3);
        List<SnsPublication> batch = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            batch.add(message("m" + i, i % 2 == 0 ? "even" : "odd", "d" + i));
        }
        List<Published> published = s.topic().publishAll(batch);
        assertThat(published).extracting(Published::sequenceNumber).doesNotContainNull().isSorted().doesNotHaveDuplicates();

        List<Message> received = receiveAll(s.queue().queueUrl(), 6);
        assertThat(received).extracting(Message::body).containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4", "m5");
        assertThat(bodiesOf(received, "even")).containsExactly("m0", "m2", "m4");
        assertThat(bodiesOf(received, "odd")).containsExactly("m1", "m3", "m5");
        Message first = received.stream().filter(m -> m.body().equals("m0")).findFirst().orElseThrow();
        assertThat(first.attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "even")
                .containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, "d0");
    }

    /** An SQS subscriber that keeps what it is given. */
    private static final class Recording implements SnsSubscriber {
        final List<SnsNotification> delivered = new ArrayList<>();

        @Override
        public void deliver(List<SnsNotification> notifications) {
            delivered.addAll(notifications);
        }

        @Override
        public String protocol() {
            return "sqs";
        }

        @Override
        public String endpoint() {
            return "arn:aws:sqs:us-east-1:000000000000:recording.fifo";
        }
    }

    @Test
    void a_copy_within_five_minutes_is_accepted_as_the_first_and_not_delivered_after_it_is_delivered_again() {
        Setup s = setup(false, 30, 3);
        Recording recording = new Recording();
        s.topic().subscribe(recording);
        Published original = s.topic().publishAll(List.of(message("once", "g", "same"))).get(0);
        s.clock().advance(INTERVAL.minusSeconds(1));
        Published copy = s.topic().publishAll(List.of(message("once again", "g", "same"))).get(0);
        assertThat(copy).isEqualTo(original);
        s.clock().advance(Duration.ofSeconds(1));
        Published later = s.topic().publishAll(List.of(message("after the interval", "g", "same"))).get(0);
        assertThat(later.messageId()).isNotEqualTo(original.messageId());

        assertThat(recording.delivered).extracting(SnsNotification::message).containsExactly("once", "after the interval");
        assertThat(recording.delivered).extracting(SnsNotification::deduplicationId).containsExactly("same", "same");
    }

    @Test
    void content_based_deduplication_hashes_the_body() {
        Setup s = setup(true, 30, 3);
        Recording recording = new Recording();
        s.topic().subscribe(recording);
        Published a = s.topic().publishAll(List.of(message("same body", "g", null))).get(0);
        Published b = s.topic().publishAll(List.of(message("same body", "h", null))).get(0);
        Published c = s.topic().publishAll(List.of(message("other body", "g", null))).get(0);
        assertThat(b).isEqualTo(a);
        assertThat(c.messageId()).isNotEqualTo(a.messageId());
        assertThat(recording.delivered).extracting(SnsNotification::message).containsExactly("same body", "other body");
        assertThat(recording.delivered.get(0).deduplicationId()).hasSize(64);
    }

    @Test
    void without_a_group_or_a_deduplication_id_the_whole_request_is_refused_and_nothing_delivered() {
        Setup s = setup(false, 30, 3);
        assertThatThrownBy(() -> s.topic().publishAll(List.of(message("a", "g", "1"), message("b", null, "2"))))
                .isInstanceOf(SnsError.class).hasMessage("Invalid parameter: The MessageGroupId parameter is required for FIFO topics")
                .extracting(e -> ((SnsError) e).code()).isEqualTo("InvalidParameter");
        assertThatThrownBy(() -> s.topic().publishAll(List.of(message("a", "g", null))))
                .isInstanceOf(SnsError.class).hasMessage("Invalid parameter: The topic should either have ContentBasedDeduplication"
                        + " enabled or MessageDeduplicationId provided explicitly");
        assertThat(ELASTICMQ.sqs().receiveMessage(b -> b.queueUrl(s.queue().queueUrl()).waitTimeSeconds(1)).messages()).isEmpty();
    }

    @Test
    void a_fifo_topic_delivers_to_queues_only() {
        Setup s = setup(false, 30, 3);
        SnsSubscriber lambda = new SnsSubscriber() {
            @Override
            public void deliver(List<SnsNotification> notifications) {
            }

            @Override
            public String protocol() {
                return "lambda";
            }

            @Override
            public String endpoint() {
                return "arn:aws:lambda:us-east-1:000000000000:function:f";
            }
        };
        assertThatThrownBy(() -> s.topic().subscribe(lambda)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_message_received_max_receive_count_times_moves_to_the_fifo_dlq_with_its_group() {
        Setup s = setup(false, 1, 2);
        s.topic().publishAll(List.of(message("poison", "g", "p")));
        for (int receive = 1; receive <= 2; receive++) {
            // Not deleted: it comes back after the 1 s visibility timeout.
            List<Message> got = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 10_000;
            while (got.isEmpty() && System.currentTimeMillis() < deadline) {
                got.addAll(ELASTICMQ.sqs().receiveMessage(b -> b.queueUrl(s.queue().queueUrl()).waitTimeSeconds(1)).messages());
            }
            assertThat(got).extracting(Message::body).containsExactly("poison");
        }
        // The third receive finds it over maxReceiveCount: ElasticMQ moves it to the DLQ instead.
        List<Message> dead = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 15_000;
        while (dead.isEmpty() && System.currentTimeMillis() < deadline) {
            ELASTICMQ.sqs().receiveMessage(b -> b.queueUrl(s.queue().queueUrl()).waitTimeSeconds(1));
            dead.addAll(ELASTICMQ.sqs().receiveMessage(b -> b.queueUrl(s.queue().dlqUrl()).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages());
        }
        assertThat(dead).extracting(Message::body).containsExactly("poison");
        assertThat(dead.get(0).attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "g");
    }

    /** Receives until {@code count} messages came, deleting each batch so that its groups unblock. */
    private static List<Message> receiveAll(String queueUrl, int count) {
        List<Message> all = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 15_000;
        while (all.size() < count && System.currentTimeMillis() < deadline) {
            List<Message> got = ELASTICMQ.sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            all.addAll(got);
            for (Message m : got) {
                ELASTICMQ.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return all;
    }

    private static List<String> bodiesOf(List<Message> messages, String group) {
        return messages.stream().filter(m -> group.equals(m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)))
                .map(Message::body).toList();
    }
}
