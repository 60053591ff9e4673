package io.streamlimit.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.event.EventParser;
import io.streamlimit.event.StreamEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;
import software.amazon.awssdk.services.sns.model.SnsException;

class SnsEventPublisherTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:events";

    @Test
    void publishes_in_batches_of_ten_and_every_message_parses_back() {
        FakeSns sns = new FakeSns(request -> allSucceed(request));
        List<StreamEvent> events = EventGenerator.opens("run-1", 25, 4, null);

        new SnsEventPublisher(sns, TOPIC, 3).publish(events);

        assertThat(sns.requests).extracting(r -> r.publishBatchRequestEntries().size()).containsExactlyInAnyOrder(10, 10, 5);
        assertThat(sns.requests).allSatisfy(r -> assertThat(r.topicArn()).isEqualTo(TOPIC));
        EventParser parser = new EventParser();
        assertThat(sns.requests.stream().flatMap(r -> r.publishBatchRequestEntries().stream())
                .map(e -> parser.parse(e.message()))).containsExactlyInAnyOrderElementsOf(events);
    }

    @Test
    void to_a_fifo_topic_each_event_carries_its_uid_as_group_and_its_identity_as_deduplication_id_in_order() {
        String fifoTopic = "arn:aws:sns:us-east-1:123456789012:events.fifo";
        FakeSns sns = new FakeSns(request -> allSucceed(request));
        List<StreamEvent> events = EventGenerator.opens("run-1", 25, 4, null);

        new SnsEventPublisher(sns, fifoTopic, 3).publish(events);

        assertThat(sns.requests).extracting(r -> r.publishBatchRequestEntries().size()).containsExactly(10, 10, 5);
        List<PublishBatchRequestEntry> entries = sns.requests.stream()
                .flatMap(r -> r.publishBatchRequestEntries().stream()).toList();
        EventParser parser = new EventParser();
        assertThat(entries).extracting(e -> parser.parse(e.message())).containsExactlyElementsOf(events);
        assertThat(entries).extracting(PublishBatchRequestEntry::messageGroupId)
                .containsExactlyElementsOf(events.stream().map(StreamEvent::uid).toList());
        assertThat(entries).extracting(PublishBatchRequestEntry::messageDeduplicationId)
                .containsExactlyElementsOf(events.stream().map(e -> "open:" + e.streamId()).toList());
    }

    @Test
    void to_a_standard_topic_no_group_or_deduplication_id_is_sent() {
        FakeSns sns = new FakeSns(request -> allSucceed(request));

        new SnsEventPublisher(sns, TOPIC, 1).publish(EventGenerator.opens("run-1", 3, 1, null));

        assertThat(sns.requests.get(0).publishBatchRequestEntries()).allSatisfy(e -> {
            assertThat(e.messageGroupId()).isNull();
            assertThat(e.messageDeduplicationId()).isNull();
        });
    }

    @Test
    void entries_that_fail_on_the_service_side_are_retried_alone() {
        AtomicInteger calls = new AtomicInteger();
        FakeSns sns = new FakeSns(request -> calls.incrementAndGet() == 1
                ? failSome(request, 3, false)
                : allSucceed(request));

        new SnsEventPublisher(sns, TOPIC, 1).publish(EventGenerator.opens("run-1", 10, 1, null));

        assertThat(sns.requests).hasSize(2);
        assertThat(sns.requests.get(1).publishBatchRequestEntries()).hasSize(3);
    }

    @Test
    void entries_that_keep_failing_end_in_an_exception_after_four_attempts() {
        FakeSns sns = new FakeSns(request -> failSome(request, 2, false));

        assertThatThrownBy(() -> new SnsEventPublisher(sns, TOPIC, 1).publish(EventGenerator.opens("run-1", 10, 1, null)))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageContaining("2 of 10 events not published")
                .hasMessageContaining("after 4 attempts")
                .hasMessageContaining("InternalError");
        assertThat(sns.requests).hasSize(4);
    }

    @Test
    void an_entry_the_service_calls_the_sender_fault_is_not_retried() {
        FakeSns sns = new FakeSns(request -> failSome(request, 1, true));

        assertThatThrownBy(() -> new SnsEventPublisher(sns, TOPIC, 1).publish(EventGenerator.opens("run-1", 10, 1, null)))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageContaining("after 1 attempts");
    }

    @Test
    void an_sdk_exception_becomes_a_publish_failure() {
        FakeSns sns = new FakeSns(request -> {
            throw SnsException.builder().message("AuthorizationError").build();
        });

        assertThatThrownBy(() -> new SnsEventPublisher(sns, TOPIC).publish(EventGenerator.opens("run-1", 30, 1, null)))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageContaining("AuthorizationError");
    }

    private static PublishBatchResponse allSucceed(PublishBatchRequest request) {
        return PublishBatchResponse.builder().successful(request.publishBatchRequestEntries().stream()
                .map(e -> PublishBatchResultEntry.builder().id(e.id()).messageId("m-" + e.id()).build()).toList()).build();
    }

    private static PublishBatchResponse failSome(PublishBatchRequest request, int failures, boolean senderFault) {
        List<PublishBatchRequestEntry> entries = request.publishBatchRequestEntries();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        List<PublishBatchResultEntry> ok = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (i < failures) {
                failed.add(BatchResultErrorEntry.builder().id(entries.get(i).id()).code(senderFault ? "InvalidParameter" : "InternalError")
                        .message("try again").senderFault(senderFault).build());
            } else {
                ok.add(PublishBatchResultEntry.builder().id(entries.get(i).id()).build());
            }
        }
        return PublishBatchResponse.builder().successful(ok).failed(failed).build();
    }

    /** SnsClient is an interface whose methods default to "unsupported": implement only PublishBatch. */
    private static final class FakeSns implements SnsClient {
        final List<PublishBatchRequest> requests = new CopyOnWriteArrayList<>();
        private final Function<PublishBatchRequest, PublishBatchResponse> answer;

        FakeSns(Function<PublishBatchRequest, PublishBatchResponse> answer) {
            this.answer = answer;
        }

        @Override
        public PublishBatchResponse publishBatch(PublishBatchRequest request) {
            requests.add(request);
            return answer.apply(request);
        }

        @Override
        public String serviceName() {
            return "sns";
        }

        @Override
        public void close() {
        }
    }
}
