package io.streamlimit.local.chaos;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A small in-memory SQS queue, one per handler worker: a received message stays invisible for
 * the visibility timeout and comes back unless deleted, and after {@code maxReceives} receives
 * the redrive policy moves it to the dead-letter queue instead. Visibility runs on its own wall
 * clock; the ledger's clock is the worker's.
 */
final class HarnessQueue {

    private final Clock clock;
    private final Duration visibility;
    private final int maxReceives;
    private final LinkedList<QueuedMessage> messages = new LinkedList<>();

    HarnessQueue(Clock clock, Duration visibility, int maxReceives) {
        this.clock = clock;
        this.visibility = visibility;
        this.maxReceives = maxReceives;
    }

    void add(QueuedMessage message) {
        messages.add(message);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    /** Messages visible now, counting up to {@code atMost}. */
    int visible(int atMost) {
        long now = clock.millis();
        int n = 0;
        for (QueuedMessage m : messages) {
            if (m.visibleAtMillis <= now && ++n >= atMost) {
                break;
            }
        }
        return n;
    }

    /**
     * Receives up to {@code size} visible messages, at most {@code maxPerUid} of any one uid, and
     * counts the receive; a message out of receives goes to {@code deadLettered} instead.
     */
    List<QueuedMessage> receive(int size, int maxPerUid, Consumer<QueuedMessage> deadLettered) {
        long now = clock.millis();
        List<QueuedMessage> batch = new ArrayList<>(size);
        Map<String, Integer> perUid = new HashMap<>();
        for (Iterator<QueuedMessage> it = messages.iterator(); it.hasNext() && batch.size() < size; ) {
            QueuedMessage m = it.next();
            if (m.visibleAtMillis > now) {
                continue;
            }
            if (m.receives >= maxReceives) {
                it.remove();
                deadLettered.accept(m);
                continue;
            }
            if (!m.poison() && perUid.merge(m.event.uid(), 1, Integer::sum) > maxPerUid) {
                continue;
            }
            batch.add(m);
        }
        return batch;
    }

    /**
     * After an invocation: failed messages become visible again after the timeout; the others are
     * deleted, unless {@code deleteLost} says the delete was lost, when they come back too.
     */
    void settle(List<QueuedMessage> batch, Set<String> failedIds, Predicate<QueuedMessage> deleteLost) {
        long visibleAgain = clock.millis() + visibility.toMillis();
        for (QueuedMessage m : batch) {
            if (failedIds.contains(m.id) || deleteLost.test(m)) {
                m.visibleAtMillis = visibleAgain;
            } else {
                messages.remove(m);
            }
        }
    }

    /** Waits until the first hidden message becomes visible again. */
    void awaitNextVisible() throws InterruptedException {
        long next = messages.stream().mapToLong(m -> m.visibleAtMillis).min().orElse(clock.millis());
        long wait = next - clock.millis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
