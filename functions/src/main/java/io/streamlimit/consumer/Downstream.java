package io.streamlimit.consumer;

import io.streamlimit.event.StreamEvent;
import java.util.List;

/**
 * The rate-limited external service the consumer calls once per event it processes.
 *
 * <p>The consumer hands over a whole batch because, as in the original experiments, it calls
 * the service for every record of its batch in parallel and then waits for all of them.
 */
@FunctionalInterface
public interface Downstream {

    /** A downstream that accepts everything at once: the ledger is the only work. */
    Downstream NONE = (events, invocation) -> List.of();

    /**
     * Calls the service once per event.
     *
     * @return the events the service refused (HTTP 429); the consumer reports them as failed
     *     items so the pipeline retries them
     */
    List<StreamEvent> callAll(List<StreamEvent> events, InvocationInfo invocation);
}
