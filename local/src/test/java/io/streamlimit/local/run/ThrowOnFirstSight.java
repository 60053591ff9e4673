package io.streamlimit.local.run;

import io.streamlimit.consumer.Downstream;
import io.streamlimit.event.StreamEvent;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A consumer crash the local pipeline tests inject: the downstream throws, mid-batch, the first
 * time it sees an event whose seq is 3 modulo 7, so that batch fails and its events come again.
 */
final class ThrowOnFirstSight {

    private ThrowOnFirstSight() {
    }

    /** @param failedOnce collects the events thrown for, so a test can tell that some were */
    static UnaryOperator<Downstream> everySeventhEvent(Set<Long> failedOnce) {
        return real -> (events, invocation) -> {
            for (StreamEvent e : events) {
                if (e.seq() % 7 == 3 && failedOnce.add(e.seq())) {
                    throw new IllegalStateException("injected failure for event " + e.seq());
                }
            }
            return real.callAll(events, invocation);
        };
    }
}
