package io.streamlimit.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.streamlimit.clock.ManualClock;
import io.streamlimit.event.EventParser;
import io.streamlimit.ledger.InMemoryLedgerStore;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.testing.RecordingDownstream;
import io.streamlimit.runtime.FunctionContext;
import org.junit.jupiter.api.Test;

class SnsConsumerHandlerTest {

    private final ManualClock clock = ManualClock.atDefaultStart();
    private final Ledger ledger = new Ledger(new InMemoryLedgerStore(), LedgerSettings.defaults(), clock);
    private final RecordingDownstream downstream = new RecordingDownstream();
    private final SnsConsumerHandler handler =
            new SnsConsumerHandler(new ConsumerService(new EventParser(), ledger, downstream), clock);

    @Test
    void an_sns_notification_is_applied_and_passed_downstream() {
        handler.handleRequest(EventLoader.loadSNSEvent("events/sns_event.json"), FunctionContext.forRequest("request-1"));

        assertThat(ledger.check("player-1").open()).isEqualTo(1);
        assertThat(downstream.accepted()).singleElement()
                .satisfies(event -> assertThat(event.seq()).isEqualTo(1L));
    }

    @Test
    void a_failed_record_fails_the_invocation_so_lambda_retries_it() {
        assertThatThrownBy(() -> handler.handleRequest(EventLoader.loadSNSEvent("events/sns_event_malformed.json"),
                FunctionContext.forRequest("request-1")))
                .isInstanceOf(BatchFailedException.class)
                .hasMessageContaining("1 of 1 messages failed");
    }

    @Test
    void with_a_dead_letter_queue_a_malformed_record_goes_there_with_its_reason_and_the_invocation_succeeds() {
        java.util.List<String> reasons = new java.util.ArrayList<>();
        SnsConsumerHandler withDlq = new SnsConsumerHandler(new ConsumerService(new EventParser(), ledger, downstream,
                new LedgerWriters(1), (message, reason) -> reasons.add(reason)), clock);

        withDlq.handleRequest(EventLoader.loadSNSEvent("events/sns_event_malformed.json"), FunctionContext.forRequest("request-1"));

        assertThat(reasons).singleElement().satisfies(reason -> assertThat(reason).isNotBlank());
        assertThat(downstream.accepted()).isEmpty();
    }

    @Test
    void a_retried_invocation_applies_nothing_twice() {
        handler.handleRequest(EventLoader.loadSNSEvent("events/sns_event.json"), FunctionContext.forRequest("request-1"));
        handler.handleRequest(EventLoader.loadSNSEvent("events/sns_event.json"), FunctionContext.forRequest("request-1"));

        assertThat(ledger.check("player-1").open()).isEqualTo(1);
    }
}
