package io.streamlimit.local.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.streamlimit.local.AwsClients;
import io.streamlimit.local.lambda.AsyncObserver;
import io.streamlimit.local.sqs.ElasticMqServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The sns-lambda pipeline's on-failure destination on a real ElasticMQ: every event given up on arrives with its reason. */
class OnFailureQueueTest {

    @Test
    void each_record_given_up_on_reaches_the_queue_with_its_reason_and_the_next_observer_hears_of_it() throws Exception {
        try (ElasticMqServer server = ElasticMqServer.start(0); SqsClient sqs = AwsClients.sqs(server.endpoint())) {
            String dlq = sqs.createQueue(b -> b.queueName("on-failure")).queueUrl();
            List<String> heard = new ArrayList<>();
            AsyncObserver<SNSEvent> next = new AsyncObserver<>() {
                @Override
                public void deadLettered(SNSEvent event, String reason, Instant at) {
                    heard.add(reason);
                }
            };

            new OnFailureQueue(sqs, dlq, next).deadLettered(event("{\"type\":\"open\",\"uid\":\"u1\",\"streamId\":\"s1\"}", "m-1"),
                    "failed on every retry", Instant.parse("2026-12-06T10:00:00Z"));

            List<Message> arrived = sqs.receiveMessage(b -> b.queueUrl(dlq).messageAttributeNames("All").waitTimeSeconds(5))
                    .messages();
            assertThat(arrived).singleElement().satisfies(m -> {
                assertThat(m.body()).isEqualTo("{\"type\":\"open\",\"uid\":\"u1\",\"streamId\":\"s1\"}");
                assertThat(m.messageAttributes().get("reason").stringValue())
                        .isEqualTo("Lambda's async queue gave up: failed on every retry");
                assertThat(m.messageAttributes().get("sourceMessageId").stringValue()).isEqualTo("m-1");
            });
            assertThat(heard).containsExactly("failed on every retry");
        }
    }

    private static SNSEvent event(String message, String messageId) {
        SNSEvent.SNS sns = new SNSEvent.SNS().withMessage(message).withMessageId(messageId);
        return new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord().withSns(sns)));
    }
}
