package io.streamlimit.consumer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.streamlimit.settings.Settings;
import io.streamlimit.settings.Wiring;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * SNS -> consumer (the {@code sns-lambda} pipeline). Lambda invokes it asynchronously and has no
 * partial-batch protocol, so any failed record fails the invocation: Lambda's async queue then
 * retries it (twice on errors) or sends it to the on-failure destination.
 */
public class SnsConsumerHandler implements RequestHandler<SNSEvent, Void> {

    private final GatedConsumer consumer;
    private final Clock clock;
    private final String cacheId = UUID.randomUUID().toString();

    public SnsConsumerHandler() {
        this(Wiring.consumer(Settings.fromEnv(System.getenv())));
    }

    public SnsConsumerHandler(ConsumerService service) {
        this(GatedConsumer.of(service));
    }

    public SnsConsumerHandler(GatedConsumer consumer) {
        this(consumer, Clock.systemUTC());
    }

    SnsConsumerHandler(ConsumerService service, Clock clock) {
        this(GatedConsumer.of(service), clock);
    }

    SnsConsumerHandler(GatedConsumer consumer, Clock clock) {
        this.consumer = consumer;
        this.clock = clock;
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        InvocationInfo invocation = new InvocationInfo(Invocations.batchId(context), cacheId, clock.instant());
        List<InboundMessage> messages = event.getRecords() == null ? List.of() : event.getRecords().stream()
                .map(record -> new InboundMessage(record.getSNS().getMessageId(), record.getSNS().getMessage()))
                .toList();
        List<String> failed = consumer.process(messages, invocation);
        if (!failed.isEmpty()) {
            throw new BatchFailedException(failed, messages.size());
        }
        return null;
    }

    public String cacheId() {
        return cacheId;
    }
}
