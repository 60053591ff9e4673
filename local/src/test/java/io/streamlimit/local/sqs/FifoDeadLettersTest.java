package io.streamlimit.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import io.streamlimit.clock.ManualClock;
import io.streamlimit.consumer.ConsumerHandler;
import io.streamlimit.consumer.ConsumerService;
import io.streamlimit.consumer.DeadLetters;
import io.streamlimit.consumer.Downstream;
import io.streamlimit.consumer.LedgerWriters;
import io.streamlimit.consumer.SqsDeadLetters;
import io.streamlimit.event.EventParser;
import io.streamlimit.ledger.InMemoryLedgerStore;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.local.lambda.SqsLambdaEvents;
import io.streamlimit.local.sns.LocalTopic;
import io.streamlimit.local.sns.SnsMessage;
import io.streamlimit.local.sns.SnsPublication;
import io.streamlimit.local.sns.SqsSubscription;
import io.streamlimit.runtime.FunctionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The consumer's own dead letters on the FIFO pipeline, against the real ElasticMQ: a bad event
 * published to the FIFO topic reaches the FIFO queue, and the consumer moves it to the FIFO DLQ
 * with its reason, the uid as its message group and a deduplication id from its identity and reason.
 */
class FifoDeadLettersTest {

    private static final String BAD = "{\"type\":\"teleport\",\"uid\":\"viewer-7\",\"streamId\":\"s1\",\"runId\":\"r\",\"seq\":1}";

    private static final String REASON = "type: must be \"open\" or \"close\", got \"teleport\"";

    @RegisterExtension
    static final ElasticMqExtension ELASTICMQ = new ElasticMqExtension();

    private static List<Message> receiveAll(String url) {
        List<Message> all = new ArrayList<>();
        List<Message> got;
        do {
            got = ELASTICMQ.sqs().receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)
                    .messageSystemAttributeNamesWithStrings("All").messageAttributeNames("All")).messages();
            all.addAll(got);
            got.forEach(m -> ELASTICMQ.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
        } while (!got.isEmpty());
        return all;
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void a_bad_event_on_the_fifo_pipeline_lands_in_the_fifo_dlq_with_its_reason_and_the_uid_as_group_once() throws Exception {
        String name = "dl-" + UUID.randomUUID().toString().substring(0, 8);
        QueueWithDlq queue = QueueWithDlq.createFifo(ELASTICMQ.sqs(), name, 30, 5);
        LocalTopic topic = LocalTopic.fifo(name + LocalTopic.FIFO_SUFFIX, ManualClock.startingNow(), false, Duration.ofMinutes(5));
        topic.subscribe(new SqsSubscription(ELASTICMQ.sqs(), queue.queueUrl(), queue.queueArn(), true));
        topic.publishAll(List.of(new SnsPublication(SnsMessage.plain(BAD), "viewer-7", "event-identity-7")));
        List<Message> delivered = ELASTICMQ.sqs().receiveMessage(b -> b.queueUrl(queue.queueUrl()).maxNumberOfMessages(10)
                .messageSystemAttributeNamesWithStrings("All")).messages();
        assertThat(delivered).hasSize(1);

        ConsumerHandler consumer = new ConsumerHandler(new ConsumerService(new EventParser(),
                new Ledger(new InMemoryLedgerStore(), LedgerSettings.defaults(), ManualClock.startingNow()), Downstream.NONE,
                new LedgerWriters(1), new SqsDeadLetters(ELASTICMQ.sqs(), queue.dlqUrl())));
        SQSBatchResponse first = consumer.handleRequest(SqsLambdaEvents.of(delivered, queue.queueArn()), FunctionContext.forRequest("r1"));
        // The same message again, as after a crash before the mapping deleted it: SQS drops the copy.
        SQSBatchResponse again = consumer.handleRequest(SqsLambdaEvents.of(delivered, queue.queueArn()), FunctionContext.forRequest("r2"));

        assertThat(first.getBatchItemFailures()).as("dead-lettered counts as handled").isEmpty();
        assertThat(again.getBatchItemFailures()).isEmpty();
        List<Message> dead = receiveAll(queue.dlqUrl());
        assertThat(dead).hasSize(1);
        Message letter = dead.get(0);
        assertThat(letter.body()).isEqualTo(BAD);
        assertThat(letter.messageAttributes().get(DeadLetters.REASON_ATTRIBUTE).stringValue()).isEqualTo(REASON);
        assertThat(letter.messageAttributes().get("sourceMessageId").stringValue()).isEqualTo(delivered.get(0).messageId());
        assertThat(letter.attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "viewer-7");
        assertThat(letter.attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID,
                sha256("event-identity-7\n" + REASON));
    }
}
