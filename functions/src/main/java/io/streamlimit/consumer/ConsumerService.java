package io.streamlimit.consumer;

import io.streamlimit.event.EventParser;
import io.streamlimit.event.InvalidEventException;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes one consumer invocation's messages: parse each, apply them to the ledger, then call
 * the downstream for all of them at once. Failures stay small: bad input or a downstream refusal
 * fails that message alone, a ledger error the messages of that uid in this batch, and the
 * pipeline redelivers only those. Redelivery is safe because the ledger is idempotent.
 */
public final class ConsumerService {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerService.class);
    /** Shared by every invocation in this JVM; daemon threads, so they never keep it alive. */
    private static final ExecutorService LEDGER_WRITERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ledger-writer");
        thread.setDaemon(true);
        return thread;
    });

    private final EventParser parser;
    private final Ledger ledger;
    private final Downstream downstream;

    public ConsumerService(EventParser parser, Ledger ledger, Downstream downstream) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    /**
     * Processes the messages of one invocation.
     *
     * @return the ids of the messages that failed, in delivery order; empty when all succeeded
     */
    public List<String> process(List<InboundMessage> messages, InvocationInfo invocation) {
        Set<String> failed = new LinkedHashSet<>();
        List<StreamEvent> applied = new ArrayList<>(messages.size());
        Map<StreamEvent, List<String>> idsByEvent = new HashMap<>();
        List<StreamEvent> outcomes = applyAll(messages, invocation);
        for (int i = 0; i < messages.size(); i++) {
            InboundMessage message = messages.get(i);
            StreamEvent event = outcomes.get(i);
            if (event == null) {
                failed.add(message.messageId());
            } else {
                applied.add(event);
                idsByEvent.computeIfAbsent(event, e -> new ArrayList<>()).add(message.messageId());
            }
        }
        if (!applied.isEmpty()) {
            failed.addAll(callDownstream(applied, idsByEvent, invocation));
        }
        return messages.stream().map(InboundMessage::messageId).filter(failed::contains).distinct().toList();
    }

    /**
     * Applies a batch's messages: the batch's uids read in one request, then the events of one uid
     * together, with at most one conditional write ({@link Ledger#applyAll}), in delivery order;
     * different uids side by side, since each mostly waits on DynamoDB and the ledger holds its
     * invariants under any interleaving. A malformed message fails alone; a ledger error fails the
     * uid's events of this batch, which are redelivered and, the ledger being idempotent, applied once.
     */
    private List<StreamEvent> applyAll(List<InboundMessage> messages, InvocationInfo invocation) {
        StreamEvent[] events = new StreamEvent[messages.size()];
        Map<String, List<Integer>> byUid = new LinkedHashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            InboundMessage message = messages.get(i);
            try {
                events[i] = parser.parse(message.body());
                byUid.computeIfAbsent(events[i].uid(), uid -> new ArrayList<>()).add(i);
            } catch (InvalidEventException e) {
                LOG.warn("message {} rejected in batch {}: {}", message.messageId(), invocation.batchId(), e.getMessage());
            }
        }
        if (byUid.size() == 1) {
            applyUid(ledger, byUid.values().iterator().next(), events, messages, invocation);
        } else if (byUid.size() > 1) {
            Ledger batchLedger = readingAhead(byUid.keySet(), invocation);
            List<CompletableFuture<Void>> pending = new ArrayList<>(byUid.size());
            for (List<Integer> indexes : byUid.values()) {
                pending.add(CompletableFuture.runAsync(() -> applyUid(batchLedger, indexes, events, messages, invocation),
                        LEDGER_WRITERS));
            }
            pending.forEach(CompletableFuture::join);
        }
        return Arrays.asList(events);
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

    /** Applies the events at {@code indexes} (all of one uid); on failure clears them, so they fail. */
    private void applyUid(Ledger batchLedger, List<Integer> indexes, StreamEvent[] events, List<InboundMessage> messages,
                          InvocationInfo invocation) {
        List<StreamEvent> ofUid = indexes.stream().map(i -> events[i]).toList();
        try {
            List<Outcome> outcomes = batchLedger.applyAll(ofUid);
            if (LOG.isDebugEnabled()) {
                for (int k = 0; k < ofUid.size(); k++) {
                    StreamEvent event = ofUid.get(k);
                    LOG.debug("message {}: {} {} {} -> {}", messages.get(indexes.get(k)).messageId(),
                            event.type().wireName(), event.uid(), event.streamId(), outcomes.get(k));
                }
            }
        } catch (RuntimeException e) {
            LOG.error("{} message(s) of uid {} not applied in batch {}; they will be retried: {}", ofUid.size(),
                    ofUid.get(0).uid(), invocation.batchId(), e.toString());
            indexes.forEach(i -> events[i] = null);
        }
    }

    private List<String> callDownstream(List<StreamEvent> events, Map<StreamEvent, List<String>> idsByEvent,
                                        InvocationInfo invocation) {
        List<StreamEvent> refused;
        try {
            refused = downstream.callAll(List.copyOf(events), invocation);
        } catch (RuntimeException e) {
            LOG.error("downstream failed for batch {}; all {} events will be retried: {}", invocation.batchId(),
                    events.size(), e.toString());
            refused = events;
        }
        List<String> failed = new ArrayList<>();
        for (StreamEvent event : refused == null ? List.<StreamEvent>of() : refused) {
            List<String> ids = idsByEvent.remove(event);
            if (ids != null) {
                failed.addAll(ids);
            }
        }
        if (!failed.isEmpty()) {
            LOG.info("downstream refused {} of {} events in batch {}", failed.size(), events.size(), invocation.batchId());
        }
        return failed;
    }
}
