package io.streamlimit.consumer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.streamlimit.settings.Settings;
import io.streamlimit.settings.Wiring;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Kinesis -> consumer (the {@code api-kinesis-lambda} pipeline). Each record's data (base64 on
 * the wire, bytes here) is one event's JSON. Any failed record fails the invocation, so the event
 * source mapping retries (or bisects, or gives up) the batch as its settings say, whether or not it
 * has ReportBatchItemFailures; the records of the batch that were applied come again, and the
 * ledger's idempotence applies them once.
 */
public class KinesisConsumerHandler implements RequestHandler<KinesisEvent, StreamsEventResponse> {

    private final GatedConsumer consumer;
    private final Clock clock;
    private final String cacheId = UUID.randomUUID().toString();

    public KinesisConsumerHandler() {
        this(Wiring.consumer(Settings.fromEnv(System.getenv())));
    }

    public KinesisConsumerHandler(ConsumerService service) {
        this(GatedConsumer.of(service));
    }

    public KinesisConsumerHandler(GatedConsumer consumer) {
        this(consumer, Clock.systemUTC());
    }

    KinesisConsumerHandler(ConsumerService service, Clock clock) {
        this(GatedConsumer.of(service), clock);
    }

    KinesisConsumerHandler(GatedConsumer consumer, Clock clock) {
        this.consumer = consumer;
        this.clock = clock;
    }

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        InvocationInfo invocation = new InvocationInfo(Invocations.batchId(context), cacheId, clock.instant());
        List<InboundMessage> messages = event.getRecords() == null ? List.of() : event.getRecords().stream()
                .map(record -> new InboundMessage(record.getKinesis().getSequenceNumber(), text(record.getKinesis().getData())))
                .toList();
        List<String> failed = consumer.process(messages, invocation);
        if (!failed.isEmpty()) {
            throw new BatchFailedException(failed, messages.size());
        }
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }

    private static String text(ByteBuffer data) {
        if (data == null) {
            return "";
        }
        ByteBuffer copy = data.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public String cacheId() {
        return cacheId;
    }
}
