package io.streamlimit.consumer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.streamlimit.settings.Settings;
import io.streamlimit.settings.Wiring;
import io.streamlimit.snapstart.SnapshotHooks;
import java.time.Clock;
import java.util.List;

/**
 * SNS -> consumer (the {@code sns-lambda} pipeline). Lambda invokes it asynchronously and has no
 * partial-batch protocol, so any failed record fails the invocation: Lambda's async queue then
 * retries it (twice on errors) or sends it to the on-failure destination.
 */
public class SnsConsumerHandler implements RequestHandler<SNSEvent, Void> {

    /** The consumer and this environment's id, built again after a SnapStart restore ({@link SnapshotHooks}). */
    private final SnapshotHooks<ConsumerEnvironment> environment;
    private final Clock clock;

    /** Lambda's constructor: the wiring from the environment variables, with SnapStart's runtime hooks registered. */
    public SnsConsumerHandler() {
        this(SnapshotHooks.registered(() -> Wiring.consumerEnvironment(Settings.fromEnv(System.getenv())),
                ConsumerPriming::prime), Clock.systemUTC());
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
        this(new SnapshotHooks<>(() -> ConsumerEnvironment.of(consumer), ConsumerPriming::prime), clock);
    }

    /** A consumer whose environment {@code environment} builds, and builds again after a SnapStart restore. */
    public SnsConsumerHandler(SnapshotHooks<ConsumerEnvironment> environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        ConsumerEnvironment current = environment.current();
        InvocationInfo invocation = new InvocationInfo(Invocations.batchId(context), current.cacheId(), clock.instant());
        List<InboundMessage> messages = event.getRecords() == null ? List.of() : event.getRecords().stream()
                .map(record -> new InboundMessage(record.getSNS().getMessageId(), record.getSNS().getMessage()))
                .toList();
        List<String> failed = current.consumer().process(messages, invocation);
        if (!failed.isEmpty()) {
            throw new BatchFailedException(failed, messages.size());
        }
        return null;
    }

    public String cacheId() {
        return environment.current().cacheId();
    }
}
