package io.streamlimit.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.streamlimit.clock.ManualClock;
import io.streamlimit.event.EventParser;
import io.streamlimit.ledger.InMemoryLedgerStore;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.runtime.FunctionContext;
import io.streamlimit.testing.RecordingDownstream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KinesisConsumerHandlerTest {

    private static final String SECOND = "49590338271490256608559692538361571095921575989136588802";

    private final ManualClock clock = ManualClock.atDefaultStart();
    private final Ledger ledger = new Ledger(new InMemoryLedgerStore(), LedgerSettings.defaults(), clock);
    private final RecordingDownstream downstream = new RecordingDownstream();
    private final KinesisConsumerHandler handler =
            new KinesisConsumerHandler(new ConsumerService(new EventParser(), ledger, downstream), clock);

    @Test
    void the_records_base64_data_is_decoded_applied_in_order_and_passed_downstream() {
        StreamsEventResponse response = handler.handleRequest(EventLoader.loadKinesisEvent("events/kinesis_event.json"),
                FunctionContext.forRequest("request-1"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(ledger.check("player-1").open()).isEqualTo(2);
        assertThat(downstream.accepted()).extracting(event -> event.seq()).containsExactly(1L, 2L);
    }

    @Test
    void a_failed_record_fails_the_invocation_so_the_mapping_retries_the_batch() {
        assertThatThrownBy(() -> handler.handleRequest(EventLoader.loadKinesisEvent("events/kinesis_event_malformed.json"),
                FunctionContext.forRequest("request-1")))
                .isInstanceOf(BatchFailedException.class)
                .hasMessageContaining("1 of 3 messages failed");
        // The records around it were applied; their retry applies nothing twice.
        assertThat(ledger.check("player-1").open()).isEqualTo(2);
    }

    @Test
    void with_a_dead_letter_queue_a_malformed_record_goes_there_and_nothing_fails() {
        List<String> reasons = new ArrayList<>();
        KinesisConsumerHandler withDlq = new KinesisConsumerHandler(new ConsumerService(new EventParser(), ledger,
                downstream, new LedgerWriters(1), (message, reason) -> reasons.add(message.messageId())), clock);

        StreamsEventResponse response = withDlq.handleRequest(
                EventLoader.loadKinesisEvent("events/kinesis_event_malformed.json"), FunctionContext.forRequest("request-1"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(reasons).containsExactly(SECOND);
    }

    @Test
    void a_retried_batch_applies_nothing_twice() {
        handler.handleRequest(EventLoader.loadKinesisEvent("events/kinesis_event.json"), FunctionContext.forRequest("r-1"));
        handler.handleRequest(EventLoader.loadKinesisEvent("events/kinesis_event.json"), FunctionContext.forRequest("r-2"));

        assertThat(ledger.check("player-1").open()).isEqualTo(2);
    }
}
