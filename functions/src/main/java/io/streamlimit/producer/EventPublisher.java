package io.streamlimit.producer;

import io.streamlimit.event.StreamEvent;
import java.util.List;

/** Publishes events to the topic the consumers subscribe to. */
@FunctionalInterface
public interface EventPublisher {

    /**
     * Publishes every event or throws {@link PublishFailedException}; on a throw some events may
     * have been published (consumers are idempotent, so publishing them again is safe).
     */
    void publish(List<StreamEvent> events);
}
