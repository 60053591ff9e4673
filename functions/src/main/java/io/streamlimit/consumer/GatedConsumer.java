package io.streamlimit.consumer;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer service behind its {@link ConsumerReadiness}: while the readiness check fails, every
 * message of a batch fails before the ledger is touched, with one log line naming what is missing,
 * and the pipeline retries the batch (then dead-letters it after {@code maxReceiveCount}).
 */
public final class GatedConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(GatedConsumer.class);

    private final ConsumerService service;
    private final ConsumerReadiness readiness;

    public GatedConsumer(ConsumerService service, ConsumerReadiness readiness) {
        this.service = Objects.requireNonNull(service, "service");
        this.readiness = Objects.requireNonNull(readiness, "readiness");
    }

    /** A service that needs nothing more (local runs, tests). */
    public static GatedConsumer of(ConsumerService service) {
        return new GatedConsumer(service, ConsumerReadiness.READY);
    }

    /** @return the ids of the messages that failed, in delivery order: all of them while not ready */
    public List<String> process(List<InboundMessage> messages, InvocationInfo invocation) {
        if (messages.isEmpty()) {
            return List.of();
        }
        try {
            readiness.check();
        } catch (RuntimeException e) {
            LOG.error("batch {}: all {} messages failed, none applied, to be retried: {}", invocation.batchId(),
                    messages.size(), e.getMessage());
            return messages.stream().map(InboundMessage::messageId).distinct().toList();
        }
        return service.process(messages, invocation);
    }
}
