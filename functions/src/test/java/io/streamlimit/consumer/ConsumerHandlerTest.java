package io.streamlimit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.streamlimit.clock.ManualClock;
import io.streamlimit.event.EventParser;
import io.streamlimit.ledger.InMemoryLedgerStore;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.LedgerStore;
import io.streamlimit.testing.CountingLedgerStore;
import io.streamlimit.testing.LocalDynamoDb;
import io.streamlimit.testing.RecordingDownstream;
import io.streamlimit.runtime.FunctionContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SQS consumer on AWS-shaped events. The fixture batch holds 10 messages: 3 malformed (not
 * JSON, type "pause", uid "player/4") and 7 good ones, among them a close that overtakes its open.
 */
class ConsumerHandlerTest {

    static final String NOT_JSON = "059f36b4-87a3-44ab-83d2-661975830a03";
    static final String UNKNOWN_TYPE = "059f36b4-87a3-44ab-83d2-661975830a06";
    static final String BAD_UID = "059f36b4-87a3-44ab-83d2-661975830a09";
    /** Open streams per uid once the 7 good events are applied, whatever their order. */
    static final Map<String, Integer> EXPECTED_OPEN = Map.of("player-1", 1, "player-2", 2, "player-3", 0);
    /**
     * Writes the 7 good events make: one per uid, since a uid's events of one batch are decided
     * together (one by one they would make 6: 5 opens and closes, 1 early close).
     */
    static final int EXPECTED_WRITES = 3;

    private final ManualClock clock = ManualClock.atDefaultStart();
    private CountingLedgerStore store;
    private Ledger ledger;
    private RecordingDownstream downstream;
    private ConsumerHandler handler;

    @BeforeEach
    void setUp() {
        store = new CountingLedgerStore(new InMemoryLedgerStore());
        ledger = new Ledger(store, LedgerSettings.defaults(), clock);
        downstream = new RecordingDownstream();
        handler = new ConsumerHandler(new ConsumerService(new EventParser(), ledger, downstream), clock);
    }

    @Test
    void a_batch_of_ten_with_three_malformed_messages_fails_exactly_those_three_and_applies_the_other_seven_once() {
        SQSBatchResponse response = handler.handleRequest(EventLoader.loadSQSEvent("events/sqs_event.json"),
                FunctionContext.forRequest("request-1"));

        assertThat(failedIds(response)).containsExactly(NOT_JSON, UNKNOWN_TYPE, BAD_UID);
        assertThat(downstream.accepted()).hasSize(7);
        assertThat(store.writes()).isEqualTo(EXPECTED_WRITES);
        assertThat(store.batchReads()).as("the batch's 3 uids read in one request").isEqualTo(1);
        assertThat(store.reads()).as("reads one by one").isZero();
        assertOpenCounts(ledger);
    }

    @Test
    void with_a_dead_letter_queue_the_three_malformed_messages_go_there_at_once_with_their_reasons_and_none_fails() {
        Map<String, String> deadLettered = new java.util.LinkedHashMap<>();
        ConsumerHandler withDlq = new ConsumerHandler(new ConsumerService(new EventParser(), ledger, downstream,
                new LedgerWriters(2), (message, reason) -> deadLettered.put(message.messageId(), reason) == null), clock);

        SQSBatchResponse response = withDlq.handleRequest(EventLoader.loadSQSEvent("events/sqs_event.json"),
                FunctionContext.forRequest("request-1"));

        assertThat(failedIds(response)).as("the mapping deletes all ten").isEmpty();
        assertThat(deadLettered.keySet()).containsExactly(NOT_JSON, UNKNOWN_TYPE, BAD_UID);
        assertThat(deadLettered.get(UNKNOWN_TYPE)).contains("type");
        assertThat(deadLettered.get(BAD_UID)).contains("uid");
        assertThat(deadLettered.values()).allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(downstream.accepted()).hasSize(7);
        assertOpenCounts(ledger);
    }

    @Test
    void a_dead_letter_queue_that_refuses_leaves_the_malformed_messages_failed_so_none_is_lost() {
        ConsumerHandler withBrokenDlq = new ConsumerHandler(new ConsumerService(new EventParser(), ledger, downstream,
                new LedgerWriters(2), (message, reason) -> {
                    throw new IllegalStateException("SQS unavailable");
                }), clock);

        SQSBatchResponse response = withBrokenDlq.handleRequest(EventLoader.loadSQSEvent("events/sqs_event.json"),
                FunctionContext.forRequest("request-1"));

        assertThat(failedIds(response)).containsExactly(NOT_JSON, UNKNOWN_TYPE, BAD_UID);
        assertThat(downstream.accepted()).hasSize(7);
    }

    @Test
    void delivering_the_same_batch_again_applies_nothing_twice() {
        SQSEvent batch = EventLoader.loadSQSEvent("events/sqs_event.json");
        handler.handleRequest(batch, FunctionContext.forRequest("request-1"));
        int writesAfterFirst = store.writes();

        SQSBatchResponse again = handler.handleRequest(batch, FunctionContext.forRequest("request-2"));

        assertThat(failedIds(again)).containsExactly(NOT_JSON, UNKNOWN_TYPE, BAD_UID);
        assertThat(store.writes()).isEqualTo(writesAfterFirst);
        assertOpenCounts(ledger);
        assertThat(downstream.accepted()).as("the downstream still gets each delivery").hasSize(14);
    }

    @Test
    void sns_enveloped_and_raw_bodies_give_the_same_result() {
        LedgerStore rawStore = new InMemoryLedgerStore();
        Ledger rawLedger = new Ledger(rawStore, LedgerSettings.defaults(), clock);
        RecordingDownstream rawDownstream = new RecordingDownstream();
        SQSBatchResponse raw = new ConsumerHandler(new ConsumerService(new EventParser(), rawLedger, rawDownstream), clock)
                .handleRequest(EventLoader.loadSQSEvent("events/sqs_event.json"), FunctionContext.forRequest("raw"));

        SQSBatchResponse enveloped = handler.handleRequest(
                EventLoader.loadSQSEvent("events/sqs_event_sns_envelope.json"), FunctionContext.forRequest("enveloped"));

        assertThat(failedIds(enveloped)).isEqualTo(failedIds(raw));
        assertThat(downstream.accepted()).isEqualTo(rawDownstream.accepted());
        for (String uid : EXPECTED_OPEN.keySet()) {
            assertThat(store.read(uid).active()).isEqualTo(rawStore.read(uid).active());
            assertThat(store.read(uid).closed()).isEqualTo(rawStore.read(uid).closed());
        }
    }

    @Test
    void events_the_downstream_refuses_fail_alone_and_succeed_on_redelivery() {
        downstream.refuseWhen(event -> event.uid().equals("player-2"));
        SQSEvent batch = EventLoader.loadSQSEvent("events/sqs_event.json");

        SQSBatchResponse first = handler.handleRequest(batch, FunctionContext.forRequest("request-1"));
        assertThat(failedIds(first)).containsExactly(NOT_JSON,
                "059f36b4-87a3-44ab-83d2-661975830a04", UNKNOWN_TYPE, BAD_UID, "059f36b4-87a3-44ab-83d2-661975830a10");

        downstream.refuseWhen(event -> false);
        SQSBatchResponse second = handler.handleRequest(batch, FunctionContext.forRequest("request-2"));
        assertThat(failedIds(second)).containsExactly(NOT_JSON, UNKNOWN_TYPE, BAD_UID);
        assertOpenCounts(ledger);
    }

    @Test
    void a_ledger_failure_fails_only_the_message_it_hit() {
        LedgerStore failingForPlayer3 = new LedgerStore() {
            private final LedgerStore inner = new InMemoryLedgerStore();

            @Override
            public io.streamlimit.ledger.UidLedger read(String uid) {
                if (uid.equals("player-3")) {
                    throw new io.streamlimit.ledger.LedgerStoreException("table unreachable", null);
                }
                return inner.read(uid);
            }

            @Override
            public boolean compareAndSet(io.streamlimit.ledger.UidLedger next, long expectedVersion) {
                return inner.compareAndSet(next, expectedVersion);
            }
        };
        ConsumerHandler failing = new ConsumerHandler(new ConsumerService(new EventParser(),
                new Ledger(failingForPlayer3, LedgerSettings.defaults(), clock), downstream), clock);

        SQSBatchResponse response = failing.handleRequest(EventLoader.loadSQSEvent("events/sqs_event.json"), FunctionContext.forRequest("r"));

        assertThat(failedIds(response)).containsExactly(NOT_JSON, UNKNOWN_TYPE,
                "059f36b4-87a3-44ab-83d2-661975830a07", "059f36b4-87a3-44ab-83d2-661975830a08", BAD_UID);
    }

    @Test
    void an_invocation_is_identified_by_the_request_id_and_the_environment_by_a_fixed_cache_id() {
        handler.handleRequest(EventLoader.loadSQSEvent("events/sqs_event.json"), FunctionContext.forRequest("request-1"));
        handler.handleRequest(EventLoader.loadSQSEvent("events/sqs_event.json"), FunctionContext.forRequest("request-2"));
        ConsumerHandler coldStart = new ConsumerHandler(new ConsumerService(new EventParser(), ledger, downstream), clock);
        coldStart.handleRequest(EventLoader.loadSQSEvent("events/sqs_event.json"), FunctionContext.forRequest("request-3"));

        List<InvocationInfo> invocations = downstream.invocations();
        assertThat(invocations).extracting(InvocationInfo::batchId).containsExactly("request-1", "request-2", "request-3");
        assertThat(invocations.get(0).cacheId()).isEqualTo(invocations.get(1).cacheId()).isEqualTo(handler.cacheId());
        assertThat(invocations.get(2).cacheId()).isNotEqualTo(handler.cacheId());
        assertThat(invocations.get(0).startedAt()).isEqualTo(clock.instant());
    }

    @Test
    void the_batch_on_dynamodb_local_fails_the_same_three_and_gives_the_same_counts() {
        // The fixtures' streams opened at 2026-11-23T10:00Z and leases run from then; DynamoDB
        // Local wants today's clock (its TTL sweeper), so the lease is long enough to reach it.
        Ledger onDynamoDb = new Ledger(LocalDynamoDb.newLedgerStore(),
                LedgerSettings.defaults().withLeaseDuration(Duration.ofDays(36_500)), ManualClock.startingNow());
        ConsumerHandler real = new ConsumerHandler(new ConsumerService(new EventParser(), onDynamoDb, downstream), clock);
        SQSEvent batch = EventLoader.loadSQSEvent("events/sqs_event_sns_envelope.json");

        assertThat(failedIds(real.handleRequest(batch, FunctionContext.forRequest("r1")))).containsExactly(NOT_JSON, UNKNOWN_TYPE, BAD_UID);
        assertThat(failedIds(real.handleRequest(batch, FunctionContext.forRequest("r2")))).containsExactly(NOT_JSON, UNKNOWN_TYPE, BAD_UID);
        assertOpenCounts(onDynamoDb);
    }

    @Test
    void an_empty_batch_succeeds_without_calling_the_downstream() {
        SQSEvent empty = new SQSEvent();
        empty.setRecords(List.of());

        assertThat(handler.handleRequest(empty, FunctionContext.forRequest("r")).getBatchItemFailures()).isEmpty();
        assertThat(downstream.invocations()).isEmpty();
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    private static void assertOpenCounts(Ledger ledger) {
        EXPECTED_OPEN.forEach((uid, open) -> assertThat(ledger.check(uid).open()).as("open streams of %s", uid).isEqualTo(open));
    }
}
