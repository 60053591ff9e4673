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
        return ready(messages, invocation) ? service.process(messages, invocation) : allIds(messages);
    }

    /** A FIFO queue's batch ({@link ConsumerService#processInOrder}): all of it fails while not ready. */
    public List<String> processInOrder(List<InboundMessage> messages, InvocationInfo invocation) {
        return ready(messages, invocation) ? service.processInOrder(messages, invocation) : allIds(messages);
    }

    /** True when there is work and the readiness check passes; logs why not otherwise. */
    private boolean ready(List<InboundMessage> messages, InvocationInfo invocation) {
        if (messages.isEmpty()) {
            return false;
        }
        try {
            readiness.check();
            return true;
        } catch (RuntimeException e) {
            LOG.error("batch {}: all {} messages failed, none applied, to be retried: {}", invocation.batchId(),
                    messages.size(), e.getMessage());
            return false;
        }
    }

    private static List<String> allIds(List<InboundMessage> messages) {
        return messages.stream().map(InboundMessage::messageId).distinct().toList();
    }
}
