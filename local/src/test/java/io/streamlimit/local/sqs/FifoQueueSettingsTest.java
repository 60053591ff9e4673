package io.streamlimit.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.clock.ManualClock;
import io.streamlimit.local.sns.SnsNotification;
import io.streamlimit.local.sns.SqsSubscription;
import io.streamlimit.scenario.DeduplicationScope;
import io.streamlimit.scenario.FifoSpec;
import io.streamlimit.scenario.FifoThroughputLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The scenario's DeduplicationScope and FifoThroughputLimit against the real ElasticMQ: what it keeps, what the project adds. */
class FifoQueueSettingsTest {

    private static final FifoSpec HIGH_THROUGHPUT = new FifoSpec(DeduplicationScope.MESSAGE_GROUP, FifoThroughputLimit.PER_MESSAGE_GROUP_ID);

    @RegisterExtension
    static final ElasticMqExtension ELASTICMQ = new ElasticMqExtension();

    private static QueueWithDlq queue(FifoSpec fifo) {
        return QueueWithDlq.createFifo(ELASTICMQ.sqs(), "q-" + UUID.randomUUID().toString().substring(0, 8), 30, 3, fifo);
    }

    private static List<Message> drain(String url) {
        List<Message> all = new ArrayList<>();
        List<Message> got;
        do {
            got = ELASTICMQ.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageSystemAttributeNamesWithStrings("All")).messages();
            all.addAll(got);
            got.forEach(m -> ELASTICMQ.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
        } while (!got.isEmpty());
        return all;
    }

    private static SnsNotification notification(String body, String group, String dedup) {
        return new SnsNotification(UUID.randomUUID().toString(), "arn:aws:sns:us-east-1:000000000000:t.fifo", body,
                Instant.EPOCH, group, dedup, "1");
    }

    private static List<SnsNotification> sameIdInTwoGroupsAndACopy() {
        return List.of(notification("a", "g1", "d"), notification("b", "g2", "d"), notification("a-copy", "g1", "d"));
    }

    @Test
    void elasticmq_accepts_both_attributes_on_create_queue_but_keeps_neither() {
        QueueWithDlq q = queue(HIGH_THROUGHPUT);
        Map<String, String> attributes = ELASTICMQ.sqs().getQueueAttributes(b -> b.queueUrl(q.queueUrl()).attributeNamesWithStrings("All"))
                .attributesAsStrings();
        assertThat(attributes).containsEntry("FifoQueue", "true").containsEntry("ContentBasedDeduplication", "false")
                .doesNotContainKeys("DeduplicationScope", "FifoThroughputLimit");
        assertThatThrownBy(() -> ELASTICMQ.sqs().setQueueAttributes(b -> b.queueUrl(q.queueUrl())
                .attributesWithStrings(Map.of("DeduplicationScope", "queue"))))
                .isInstanceOf(InvalidAttributeNameException.class)
                .hasMessageContaining("The attribute DeduplicationScope is invalid");
    }

    @Test
    void elasticmq_itself_deduplicates_across_the_queue_whatever_the_scope() {
        QueueWithDlq q = queue(HIGH_THROUGHPUT);
        ELASTICMQ.sqs().sendMessage(b -> b.queueUrl(q.queueUrl()).messageBody("a").messageGroupId("g1").messageDeduplicationId("d"));
        ELASTICMQ.sqs().sendMessage(b -> b.queueUrl(q.queueUrl()).messageBody("b").messageGroupId("g2").messageDeduplicationId("d"));
        assertThat(drain(q.queueUrl())).extracting(Message::body).containsExactly("a");
    }

    @Test
    void with_queue_scope_the_same_id_in_two_groups_is_delivered_once() {
        QueueWithDlq q = queue(FifoSpec.defaults());
        new SqsSubscription(ELASTICMQ.sqs(), q.queueUrl(), q.queueArn(), true).deliver(sameIdInTwoGroupsAndACopy());
        List<Message> got = drain(q.queueUrl());
        assertThat(got).extracting(Message::body).containsExactly("a");
        assertThat(got.get(0).attributesAsStrings()).containsEntry("MessageGroupId", "g1")
                .containsEntry("MessageDeduplicationId", "d");
    }

    @Test
    void with_message_group_scope_the_same_id_in_two_groups_is_delivered_twice_and_a_copy_in_its_group_not_at_all() {
        QueueWithDlq q = queue(HIGH_THROUGHPUT);
        ManualClock clock = ManualClock.startingNow();
        new SqsSubscription(ELASTICMQ.sqs(), q.queueUrl(), q.queueArn(), true, new MessageGroupDeduplication(AwsBehaviour.current(), clock))
                .deliver(sameIdInTwoGroupsAndACopy());
        List<Message> got = drain(q.queueUrl());
        assertThat(got).extracting(Message::body).containsExactlyInAnyOrder("a", "b");
        assertThat(got).extracting(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
                .containsExactlyInAnyOrder("g1:d", "g2:d");
    }

    @Test
    void with_message_group_scope_an_id_is_new_again_after_the_five_minute_interval() {
        ManualClock clock = ManualClock.startingNow();
        MessageGroupDeduplication perGroup = new MessageGroupDeduplication(AwsBehaviour.current(), clock);
        assertThat(perGroup.admit("g1", "d")).isEqualTo("g1:d");
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(perGroup.admit("g1", "d")).isNull();
        clock.advance(Duration.ofMillis(1));
        assertThat(perGroup.admit("g1", "d")).isEqualTo("g1:d");
        assertThat(perGroup.admit("g".repeat(100), "d".repeat(100))).hasSize(64).matches("[0-9a-f]{64}");
    }
}
