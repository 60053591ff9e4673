package io.streamlimit.consumer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.streamlimit.settings.Settings;
import io.streamlimit.settings.Wiring;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * SQS -> consumer. Reports failed messages as batch item failures, so the event source mapping
 * (with {@code ReportBatchItemFailures}) returns only those to the queue. A batch from a FIFO queue
 * is processed in order and stops at its first failure ({@link FifoBatches}), so a viewer's events
 * keep their order.
 */
public class ConsumerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final GatedConsumer consumer;
    private final Clock clock;
    /** One handler instance lives in one Lambda environment: a new id marks a cold start. */
    private final String cacheId = UUID.randomUUID().toString();

    public ConsumerHandler() {
        this(Wiring.consumer(Settings.fromEnv(System.getenv())));
    }

    public ConsumerHandler(ConsumerService service) {
        this(GatedConsumer.of(service));
    }

    public ConsumerHandler(GatedConsumer consumer) {
        this(consumer, Clock.systemUTC());
    }

    ConsumerHandler(ConsumerService service, Clock clock) {
        this(GatedConsumer.of(service), clock);
    }

    ConsumerHandler(GatedConsumer consumer, Clock clock) {
        this.consumer = consumer;
        this.clock = clock;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        InvocationInfo invocation = new InvocationInfo(Invocations.batchId(context), cacheId, clock.instant());
        List<InboundMessage> messages = event.getRecords() == null ? List.of() : event.getRecords().stream()
                .map(record -> new InboundMessage(record.getMessageId(), record.getBody()))
                .toList();
        List<String> failed = FifoBatches.fromFifoQueue(event.getRecords())
                ? FifoBatches.processInOrder(messages, one -> consumer.process(one, invocation))
                : consumer.process(messages, invocation);
        List<SQSBatchResponse.BatchItemFailure> failures = failed.stream()
                .map(id -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(id).build())
                .toList();
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** This environment's id, as written to the results' {@code cache_id}. */
    public String cacheId() {
        return cacheId;
    }
}
