package io.streamlimit.consumer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.streamlimit.settings.Settings;
import io.streamlimit.settings.Wiring;
import io.streamlimit.snapstart.SnapshotHooks;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * SQS -> consumer. Reports failed messages as batch item failures, so the event source mapping
 * (with {@code ReportBatchItemFailures}) returns only those to the queue. A batch from a FIFO queue
 * ({@link FifoBatches#fromFifoQueue}) fails from its first failure on
 * ({@link ConsumerService#processInOrder}), so a viewer's events keep their order.
 */
public class ConsumerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /**
     * The consumer and this environment's id: one handler instance lives in one Lambda environment,
     * so a new id marks a cold start (or, with SnapStart, a restore: the hooks give each restored
     * copy an id and clients of its own).
     */
    private final SnapshotHooks<ConsumerEnvironment> environment;
    private final Clock clock;

    /** Lambda's constructor: the wiring from the environment variables, with SnapStart's runtime hooks registered. */
    public ConsumerHandler() {
        this(SnapshotHooks.registered(() -> Wiring.consumerEnvironment(Settings.fromEnv(System.getenv())),
                ConsumerPriming::prime), Clock.systemUTC());
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
        this(new SnapshotHooks<>(() -> ConsumerEnvironment.of(consumer), ConsumerPriming::prime), clock);
    }

    /** A consumer whose environment {@code environment} builds, and builds again after a SnapStart restore. */
    public ConsumerHandler(SnapshotHooks<ConsumerEnvironment> environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        ConsumerEnvironment current = environment.current();
        InvocationInfo invocation = new InvocationInfo(Invocations.batchId(context), current.cacheId(), clock.instant());
        List<InboundMessage> messages = event.getRecords() == null ? List.of() : event.getRecords().stream()
                .map(ConsumerHandler::inbound)
                .toList();
        List<String> failed = FifoBatches.fromFifoQueue(event.getRecords())
                ? current.consumer().processInOrder(messages, invocation)
                : current.consumer().process(messages, invocation);
        List<SQSBatchResponse.BatchItemFailure> failures = failed.stream()
                .map(id -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(id).build())
                .toList();
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** The record as the consumer takes it; from a FIFO queue with its group and deduplication id. */
    private static InboundMessage inbound(SQSEvent.SQSMessage record) {
        InboundMessage message = new InboundMessage(record.getMessageId(), record.getBody());
        Map<String, String> attributes = record.getAttributes();
        return attributes == null ? message
                : message.withFifo(attributes.get("MessageGroupId"), attributes.get("MessageDeduplicationId"));
    }

    /** This environment's id, as written to the results' {@code cache_id}. */
    public String cacheId() {
        return environment.current().cacheId();
    }
}
