package io.streamlimit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The consumer takes a FIFO record's group and deduplication id along, for its own dead letters. */
class InboundFifoMessageTest {

    @Test
    void a_fifo_record_carries_its_group_and_deduplication_id_and_a_standard_one_neither() {
        // Bodies that never parse: the consumer hands each message, as it took it, to its dead letters.
        List<InboundMessage> seen = new java.util.ArrayList<>();
        DeadLetters recording = (message, reason) -> seen.add(message);
        ConsumerHandler handler = new ConsumerHandler(new ConsumerService(new io.streamlimit.event.EventParser(),
                new io.streamlimit.ledger.Ledger(new io.streamlimit.ledger.InMemoryLedgerStore(),
                        io.streamlimit.ledger.LedgerSettings.defaults(), java.time.Clock.systemUTC()),
                Downstream.NONE, new LedgerWriters(1), recording));
        SQSEvent.SQSMessage fifo = new SQSEvent.SQSMessage();
        fifo.setMessageId("m1");
        fifo.setBody("x");
        fifo.setEventSourceArn("arn:aws:sqs:us-east-1:123456789012:q.fifo");
        fifo.setAttributes(Map.of("MessageGroupId", "viewer-1", "MessageDeduplicationId", "d1"));
        SQSEvent.SQSMessage standard = new SQSEvent.SQSMessage();
        standard.setMessageId("m2");
        standard.setBody("y");
        standard.setAttributes(Map.of("ApproximateReceiveCount", "1"));
        SQSEvent fifoEvent = new SQSEvent();
        fifoEvent.setRecords(List.of(fifo));
        SQSEvent standardEvent = new SQSEvent();
        standardEvent.setRecords(List.of(standard));

        handler.handleRequest(fifoEvent, io.streamlimit.runtime.FunctionContext.forRequest("r1"));
        handler.handleRequest(standardEvent, io.streamlimit.runtime.FunctionContext.forRequest("r2"));

        assertThat(seen).containsExactly(new InboundMessage("m1", "x", "viewer-1", "d1"), new InboundMessage("m2", "y"));
    }
}
