package io.streamlimit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.streamlimit.clock.ManualClock;
import io.streamlimit.event.EventParser;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.LedgerStore;
import io.streamlimit.runtime.FunctionContext;
import io.streamlimit.testing.LocalDynamoDb;
import io.streamlimit.testing.RecordingDownstream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consumer on a FIFO queue's batch, against the ledger on dynalite: the first failure fails
 * the rest of the batch (all reported in batchItemFailures), so the downstream never sees a
 * viewer's later event before an earlier one and the ledger applies them in order; a standard
 * queue's batch fails only what failed.
 */
class FifoConsumerTest {

    private static final String FIFO_ARN = "arn:aws:sqs:us-east-1:123456789012:streamlimit-events.fifo";
    private static final String STANDARD_ARN = "arn:aws:sqs:us-east-1:123456789012:streamlimit-events";

    private final ManualClock clock = ManualClock.atDefaultStart();
    private LedgerStore store;
    private RecordingDownstream downstream;
    private ConsumerHandler handler;

    @BeforeEach
    void setUp() {
        store = LocalDynamoDb.newLedgerStore();
        Ledger ledger = new Ledger(store, LedgerSettings.defaults().withLeaseDuration(Duration.ofDays(36_500)),
                ManualClock.startingNow());
        downstream = new RecordingDownstream();
        handler = new ConsumerHandler(new ConsumerService(new EventParser(), ledger, downstream), clock);
    }

    /** viewer-1: open s1, open s2, close s1; viewer-2: open s3 (message ids m1 to m4). */
    private static SQSEvent batch(String arn, Map<String, String> extraAttributes) {
        String[][] events = {
                {"open", "viewer-1", "s1"}, {"open", "viewer-2", "s3"}, {"open", "viewer-1", "s2"},
                {"close", "viewer-1", "s1"}};
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("m" + (i + 1));
            m.setBody("{\"type\":\"" + events[i][0] + "\",\"uid\":\"" + events[i][1] + "\",\"streamId\":\""
                    + events[i][2] + "\",\"runId\":\"run-1\",\"seq\":" + i + "}");
            m.setEventSourceArn(arn);
            java.util.HashMap<String, String> attributes = new java.util.HashMap<>(Map.of("ApproximateReceiveCount", "1"));
            attributes.putAll(extraAttributes);
            m.setAttributes(attributes);
            records.add(m);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    private List<String> appliedStreams() {
        return downstream.accepted().stream().map(e -> e.type().wireName() + " " + e.streamId()).toList();
    }

    @Test
    void on_a_fifo_queue_the_first_failure_fails_every_later_message_unprocessed() {
        downstream.refuseWhen(e -> e.streamId().equals("s2")); // m3 fails

        SQSBatchResponse response = handler.handleRequest(batch(FIFO_ARN, Map.of()), FunctionContext.forRequest("r1"));

        assertThat(failedIds(response)).containsExactly("m3", "m4");
        assertThat(appliedStreams()).as("the downstream refused open s2 and saw nothing after it")
                .containsExactly("open s1", "open s3");
        // The ledger applied viewer-1's events in their order; their redelivery changes nothing there.
        assertThat(store.read("viewer-1").active()).containsOnlyKeys("s2");
        assertThat(store.read("viewer-1").closed()).containsKey("s1");
    }

    @Test
    void the_ledger_work_is_done_before_the_first_downstream_call_so_the_batch_waits_one_call_time() {
        // A downstream that waits out its call time (as the lab's does) is called first only after
        // every message is in the ledger: the batch lasts max(call time, its work), not the call
        // time plus the work of the messages after the first.
        List<String> ledgerAtEachCall = new ArrayList<>();
        Downstream counting = (events, invocation) -> {
            ledgerAtEachCall.add(events.get(0).streamId() + ": viewer-1 " + store.read("viewer-1").active().keySet()
                    + ", viewer-2 " + store.read("viewer-2").active().keySet());
            return List.of();
        };
        Ledger ledger = new Ledger(store, LedgerSettings.defaults().withLeaseDuration(Duration.ofDays(36_500)),
                ManualClock.startingNow());
        ConsumerHandler inOrder = new ConsumerHandler(new ConsumerService(new EventParser(), ledger, counting), clock);

        SQSBatchResponse response = inOrder.handleRequest(batch(FIFO_ARN, Map.of()), FunctionContext.forRequest("r1"));

        assertThat(failedIds(response)).isEmpty();
        assertThat(ledgerAtEachCall).as("one call per event, in order, each after all 4 were applied").containsExactly(
                "s1: viewer-1 [s2], viewer-2 [s3]", "s3: viewer-1 [s2], viewer-2 [s3]",
                "s2: viewer-1 [s2], viewer-2 [s3]", "s1: viewer-1 [s2], viewer-2 [s3]");
    }

    @Test
    void the_redelivered_rest_then_applies_in_order() {
        downstream.refuseWhen(e -> e.streamId().equals("s2"));
        handler.handleRequest(batch(FIFO_ARN, Map.of()), FunctionContext.forRequest("r1"));
        downstream.refuseWhen(e -> false);

        SQSEvent rest = batch(FIFO_ARN, Map.of());
        rest.setRecords(rest.getRecords().subList(2, 4));
        SQSBatchResponse response = handler.handleRequest(rest, FunctionContext.forRequest("r2"));

        assertThat(failedIds(response)).isEmpty();
        assertThat(store.read("viewer-1").active()).containsOnlyKeys("s2");
    }

    @Test
    void a_message_group_id_attribute_marks_a_fifo_batch_whatever_the_arn() {
        downstream.refuseWhen(e -> e.streamId().equals("s3")); // m2 fails

        SQSBatchResponse response = handler.handleRequest(batch(STANDARD_ARN, Map.of("MessageGroupId", "viewer-1")),
                FunctionContext.forRequest("r1"));

        assertThat(failedIds(response)).containsExactly("m2", "m3", "m4");
        assertThat(appliedStreams()).containsExactly("open s1");
    }

    @Test
    void on_a_standard_queue_only_the_failed_message_fails() {
        downstream.refuseWhen(e -> e.streamId().equals("s2"));

        SQSBatchResponse response = handler.handleRequest(batch(STANDARD_ARN, Map.of()), FunctionContext.forRequest("r1"));

        assertThat(failedIds(response)).containsExactly("m3");
        assertThat(appliedStreams()).containsExactlyInAnyOrder("open s1", "open s3", "close s1");
        assertThat(store.read("viewer-1").closed()).as("the close overtook the failed open").containsKey("s1");
    }

    @Test
    void a_fifo_batch_without_failures_applies_everything_in_order() {
        SQSBatchResponse response = handler.handleRequest(batch(FIFO_ARN, Map.of()), FunctionContext.forRequest("r1"));

        assertThat(failedIds(response)).isEmpty();
        assertThat(appliedStreams()).containsExactly("open s1", "open s3", "open s2", "close s1");
        assertThat(store.read("viewer-1").active()).containsOnlyKeys("s2");
        assertThat(store.read("viewer-2").active()).containsOnlyKeys("s3");
    }
}
