package io.streamlimit.local.lambda;

import java.time.Instant;

/** Hears what Lambda's asynchronous invocation queue does with events. */
public interface AsyncObserver<I> {

    /** An event is invoked again after a function error or timeout. */
    default void retried(I event, int attempt, Instant at) {
    }

    /** An event gave up (retries spent or too old) and went to the on-failure destination. */
    default void deadLettered(I event, String reason, Instant at) {
    }
}
