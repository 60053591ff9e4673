package io.streamlimit.local.run;

import io.streamlimit.consumer.Downstream;
import io.streamlimit.event.EventType;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.LedgerStore;
import io.streamlimit.ledger.UidLedger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ledger's applied sequence, seen from both sides of the consumer's ledger step:
 * <ul>
 *   <li>the ledger's writes: every state it stored for each uid, in version order. An
 *       {@code open} has taken effect once a write holds its stream (open, denied over the limit,
 *       or already closed), a {@code close} once a write holds its tombstone; events decided
 *       together share one write, so this order is coarse;</li>
 *   <li>the consumer's order: the consumer applies a batch's events of one uid together, in
 *       delivery order, and then hands exactly the events it applied to the downstream, so the
 *       first time each event reaches the downstream is its place in the ledger's sequence (a
 *       failed ledger write hands nothing on, and the redelivered events come later).</li>
 * </ul>
 * A run applied each viewer's events in order when both agree with the publish order.
 */
public final class AppliedOrder implements LedgerStore {

    private final LedgerStore inner;
    private final Map<String, List<UidLedger>> writes = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> consumerOrder = new ConcurrentHashMap<>();
    private final Set<Long> handedOn = ConcurrentHashMap.newKeySet();

    AppliedOrder(LedgerStore inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public UidLedger read(String uid) {
        return inner.read(uid);
    }

    @Override
    public Map<String, UidLedger> readAll(Collection<String> uids) {
        return inner.readAll(uids);
    }

    @Override
    public boolean compareAndSet(UidLedger next, long expectedVersion) {
        boolean written = inner.compareAndSet(next, expectedVersion);
        if (written) {
            List<UidLedger> ofUid = writes.computeIfAbsent(next.uid(), uid -> new ArrayList<>());
            synchronized (ofUid) {
                ofUid.add(next);
            }
        }
        return written;
    }

    /** The downstream, seeing first what the consumer applied: outermost, before any fault a test injects. */
    Downstream observing(Downstream downstream) {
        return (events, invocation) -> {
            for (StreamEvent e : events) {
                if (e.seq() != null && handedOn.add(e.seq())) {
                    List<Long> ofUid = consumerOrder.computeIfAbsent(e.uid(), uid -> new ArrayList<>());
                    synchronized (ofUid) {
                        ofUid.add(e.seq());
                    }
                }
            }
            return downstream.callAll(events, invocation);
        };
    }

    /** The write (0-based, in version order) in which {@code event} had taken effect, or -1 if none. */
    public int writeOf(StreamEvent event) {
        List<UidLedger> states = states(event.uid());
        for (int i = 0; i < states.size(); i++) {
            UidLedger s = states.get(i);
            String stream = event.streamId();
            boolean effect = s.closed().containsKey(stream)
                    || event.type() == EventType.OPEN && (s.active().containsKey(stream) || s.denied().containsKey(stream));
            if (effect) {
                return i;
            }
        }
        return -1;
    }

    /** The sequence numbers of {@code uid}'s events in the order the consumer applied them. */
    public List<Long> consumerOrder(String uid) {
        List<Long> ofUid = consumerOrder.getOrDefault(uid, List.of());
        synchronized (ofUid) {
            return List.copyOf(ofUid);
        }
    }

    /**
     * Where a uid's applied order broke the publish order of {@code events} (given in seq order),
     * one line each; empty when every event was applied, each after the one before it.
     */
    public List<String> violations(List<StreamEvent> events) {
        Map<String, List<StreamEvent>> byUid = new HashMap<>();
        for (StreamEvent e : events) {
            byUid.computeIfAbsent(e.uid(), uid -> new ArrayList<>()).add(e);
        }
        List<String> violations = new ArrayList<>();
        byUid.keySet().stream().sorted().forEach(uid -> {
            List<StreamEvent> published = byUid.get(uid);
            List<Long> expected = published.stream().map(StreamEvent::seq).toList();
            List<Long> applied = consumerOrder(uid);
            if (!applied.equals(expected)) {
                violations.add(uid + ": applied in the order " + applied + ", published " + expected);
            }
            int last = -1;
            StreamEvent previous = null;
            for (StreamEvent e : published) {
                int at = writeOf(e);
                if (at < 0) {
                    violations.add(uid + ": " + describe(e) + " never took effect in the ledger");
                } else if (at < last) {
                    violations.add(uid + ": " + describe(e) + " took effect in write " + at + ", before " + describe(previous)
                            + " (write " + last + ")");
                } else {
                    last = at;
                    previous = e;
                }
            }
        });
        return violations;
    }

    private List<UidLedger> states(String uid) {
        List<UidLedger> ofUid = writes.getOrDefault(uid, List.of());
        synchronized (ofUid) {
            List<UidLedger> copy = new ArrayList<>(ofUid);
            copy.sort(Comparator.comparingLong(UidLedger::version));
            return copy;
        }
    }

    private static String describe(StreamEvent e) {
        return e.type().wireName() + " " + e.streamId() + (e.seq() == null ? "" : " (seq " + e.seq() + ")");
    }
}
