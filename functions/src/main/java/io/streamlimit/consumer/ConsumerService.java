package io.streamlimit.consumer;

import io.streamlimit.consumer.MessageOutcome.Applied;
import io.streamlimit.consumer.MessageOutcome.DeadLettered;
import io.streamlimit.consumer.MessageOutcome.Failed;
import io.streamlimit.consumer.MessageOutcome.Parsed;
import io.streamlimit.consumer.MessageOutcome.Rejected;
import io.streamlimit.event.EventParser;
import io.streamlimit.event.InvalidEventException;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.Outcome;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import software.amazon.awssdk.core.exception.AbortedException;
import org.slf4j.LoggerFactory;

/**
 * Processes one consumer invocation's messages: parse each, apply them to the ledger, then call
 * the downstream for all of them at once. Failures stay small: bad input goes to the dead-letter
 * queue at once (or fails alone without one), a downstream refusal fails that message alone, a ledger error the messages of that uid in this batch, and the
 * pipeline redelivers only those. Redelivery is safe because the ledger is idempotent.
 *
 * <p>One service serves every environment of a function; it owns its {@link LedgerWriters} and
 * {@link #close() closes} them with the function.
 */
public final class ConsumerService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerService.class);

    private final EventParser parser;
    private final Ledger ledger;
    private final Downstream downstream;
    private final LedgerWriters writers;
    private final DeadLetters deadLetters;

    /** With a pool of its own of {@link LedgerWriters#PER_ENVIRONMENT} threads. */
    public ConsumerService(EventParser parser, Ledger ledger, Downstream downstream) {
        this(parser, ledger, downstream, new LedgerWriters(LedgerWriters.PER_ENVIRONMENT));
    }

    /** @param writers where a batch's uids are applied side by side; this service closes them */
    public ConsumerService(EventParser parser, Ledger ledger, Downstream downstream, LedgerWriters writers) {
        this(parser, ledger, downstream, writers, DeadLetters.NONE);
    }

    /** @param deadLetters where a message that can never parse goes at once, with its reason */
    public ConsumerService(EventParser parser, Ledger ledger, Downstream downstream, LedgerWriters writers,
                           DeadLetters deadLetters) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.downstream = Objects.requireNonNull(downstream, "downstream");
        this.writers = Objects.requireNonNull(writers, "writers");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
    }

    /**
     * Processes the messages of one invocation.
     *
     * @return the ids of the messages that failed, in delivery order; empty when all succeeded
     */
    public List<String> process(List<InboundMessage> messages, InvocationInfo invocation) {
        MessageOutcome[] outcomes = parseAll(messages, invocation);
        applyAll(outcomes, invocation);
        callDownstream(outcomes, invocation);
        return IntStream.range(0, outcomes.length)
                .filter(i -> !outcomes[i].succeeded())
                .mapToObj(i -> messages.get(i).messageId())
                .distinct()
                .toList();
    }

    /**
     * Processes the messages of one invocation from a FIFO queue, where AWS and Powertools document
     * that the first failure fails that message and every later one, reported unprocessed, so that
     * nothing of a message group goes past a message that failed
     * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html). The ledger is
     * applied as for any batch, each uid's events together and in order (a later uid applied
     * despite an earlier failure is redelivered and changes nothing, the ledger being idempotent);
     * then the downstream is called one event at a time in delivery order, stopping at the first
     * message that failed or is refused, so no event after it reaches the downstream. The calls
     * share the invocation's one call time, as a standard batch's do: the invocation lasts
     * max(callMillis, its work), which is what the simulator models.
     *
     * @return the ids of the first message that failed and of every message after it, in
     *     delivery order; empty when all succeeded
     */
    public List<String> processInOrder(List<InboundMessage> messages, InvocationInfo invocation) {
        MessageOutcome[] outcomes = parseAll(messages, invocation);
        applyAll(outcomes, invocation);
        int firstFailure = callDownstreamInOrder(outcomes, invocation);
        return messages.subList(firstFailure, messages.size()).stream()
                .map(InboundMessage::messageId)
                .distinct()
                .toList();
    }

    @Override
    public void close() {
        writers.close();
    }

    private MessageOutcome[] parseAll(List<InboundMessage> messages, InvocationInfo invocation) {
        MessageOutcome[] outcomes = new MessageOutcome[messages.size()];
        for (int i = 0; i < outcomes.length; i++) {
            InboundMessage message = messages.get(i);
            try {
                outcomes[i] = new Parsed(parser.parse(message.body()));
            } catch (InvalidEventException e) {
                outcomes[i] = reject(message, e.getMessage(), invocation);
            }
        }
        return outcomes;
    }

    /**
     * A message that can never parse: redelivering it would only fail again, so it goes to the
     * dead-letter queue now, with its reason, and counts as handled (the pipeline deletes the
     * original). Without a dead-letter queue, or if sending fails, it fails and is redelivered.
     */
    private MessageOutcome reject(InboundMessage message, String reason, InvocationInfo invocation) {
        try {
            if (deadLetters.send(message, reason)) {
                LOG.warn("message {} rejected in batch {} and moved to the DLQ: {}", message.messageId(),
                        invocation.batchId(), reason);
                return new DeadLettered(reason);
            }
        } catch (RuntimeException e) {
            LOG.error("message {} rejected in batch {} ({}) but not moved to the DLQ; it will be redelivered: {}",
                    message.messageId(), invocation.batchId(), reason, e.toString());
            return new Rejected(reason);
        }
        LOG.warn("message {} rejected in batch {}: {}", message.messageId(), invocation.batchId(), reason);
        return new Rejected(reason);
    }

    /**
     * Applies the parsed messages: the batch's uids read in one request, then the events of one uid
     * together, with at most one conditional write ({@link Ledger#applyAll}), in delivery order;
     * different uids side by side on the writers, since each mostly waits on DynamoDB and the
     * ledger holds its invariants under any interleaving. A ledger error fails the uid's events of
     * this batch, which are redelivered and, the ledger being idempotent, applied once.
     */
    private void applyAll(MessageOutcome[] outcomes, InvocationInfo invocation) {
        Map<String, List<Integer>> byUid = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] instanceof Parsed parsed) {
                byUid.computeIfAbsent(parsed.event().uid(), uid -> new ArrayList<>()).add(i);
            }
        }
        if (byUid.size() == 1) {
            applyUid(ledger, byUid.values().iterator().next(), outcomes, invocation);
        } else if (byUid.size() > 1) {
            Ledger batchLedger = readingAhead(byUid.keySet(), invocation);
            List<CompletableFuture<Void>> pending = new ArrayList<>(byUid.size());
            for (List<Integer> indexes : byUid.values()) {
                pending.add(CompletableFuture.runAsync(() -> applyUid(batchLedger, indexes, outcomes, invocation), writers));
            }
            pending.forEach(CompletableFuture::join);
        }
    }

    /** The ledger with the batch's uids read in one request; if that read fails, each uid reads alone. */
    private Ledger readingAhead(Set<String> uids, InvocationInfo invocation) {
        try {
            return ledger.readingAhead(uids);
        } catch (RuntimeException e) {
            LOG.warn("batched read of {} uids failed in batch {}; reading them one by one: {}", uids.size(),
                    invocation.batchId(), e.toString());
            return ledger;
        }
    }

    /** Applies the parsed events at {@code indexes}, all of one uid; each index ends applied or failed. */
    private static void applyUid(Ledger batchLedger, List<Integer> indexes, MessageOutcome[] outcomes,
                                 InvocationInfo invocation) {
        List<StreamEvent> ofUid = indexes.stream().map(i -> ((Parsed) outcomes[i]).event()).toList();
        try {
            List<Outcome> applied = batchLedger.applyAll(ofUid);
            for (int k = 0; k < ofUid.size(); k++) {
                StreamEvent event = ofUid.get(k);
                outcomes[indexes.get(k)] = new Applied(event);
                LOG.debug("batch {}: {} {} {} -> {}", invocation.batchId(), event.type().wireName(), event.uid(),
                        event.streamId(), applied.get(k));
            }
        } catch (RuntimeException e) {
            if (stoppedByRuntime(e)) {
                LOG.info("{} message(s) of uid {} not applied in batch {}: the invocation was stopped (timeout or"
                        + " shutdown); they will be retried", ofUid.size(), ofUid.get(0).uid(), invocation.batchId());
            } else {
                LOG.error("{} message(s) of uid {} not applied in batch {}; they will be retried: {}", ofUid.size(),
                        ofUid.get(0).uid(), invocation.batchId(), e.toString());
            }
            for (int k = 0; k < ofUid.size(); k++) {
                outcomes[indexes.get(k)] = new Failed(ofUid.get(k), "ledger: " + e);
            }
        }
    }

    /**
     * Whether a failure is the runtime stopping this invocation (Lambda's timeout, the emulator
     * shutting down): the thread was interrupted and the SDK or a wait gave up. Not a fault of the
     * ledger or the downstream, so not logged as one; the timeout is reported where it happens.
     */
    static boolean stoppedByRuntime(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof AbortedException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Calls the downstream for the applied events one at a time, in delivery order, up to the
     * first message that failed or is refused; returns that message's index (the batch's size
     * when none did).
     */
    private int callDownstreamInOrder(MessageOutcome[] outcomes, InvocationInfo invocation) {
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] instanceof Applied) {
                callDownstream(outcomes, i, i + 1, invocation);
            }
            if (!outcomes[i].succeeded()) {
                return i;
            }
        }
        return outcomes.length;
    }

    /** Calls the downstream once for the applied events; those it refuses, or all if it fails, fail. */
    private void callDownstream(MessageOutcome[] outcomes, InvocationInfo invocation) {
        callDownstream(outcomes, 0, outcomes.length, invocation);
    }

    /** The same for the outcomes from {@code from} (inclusive) to {@code to} (exclusive). */
    private void callDownstream(MessageOutcome[] outcomes, int from, int to, InvocationInfo invocation) {
        List<StreamEvent> applied = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            if (outcomes[i] instanceof Applied a) {
                applied.add(a.event());
            }
        }
        if (applied.isEmpty()) {
            return;
        }
        Set<StreamEvent> refused;
        String cause;
        try {
            List<StreamEvent> answer = downstream.callAll(List.copyOf(applied), invocation);
            refused = answer == null ? Set.of() : new HashSet<>(answer);
            cause = "refused by the downstream";
        } catch (RuntimeException e) {
            if (stoppedByRuntime(e)) {
                LOG.info("downstream call of batch {} stopped with the invocation (timeout or shutdown); all {} events"
                        + " will be retried", invocation.batchId(), applied.size());
            } else {
                LOG.error("downstream failed for batch {}; all {} events will be retried: {}", invocation.batchId(),
                        applied.size(), e.toString());
            }
            refused = new HashSet<>(applied);
            cause = "downstream: " + e;
        }
        int failed = 0;
        for (int i = from; i < to; i++) {
            if (outcomes[i] instanceof Applied a && refused.contains(a.event())) {
                outcomes[i] = new Failed(a.event(), cause);
                failed++;
            }
        }
        if (failed > 0) {
            LOG.info("downstream refused {} of {} events in batch {}", failed, applied.size(), invocation.batchId());
        }
    }
}
