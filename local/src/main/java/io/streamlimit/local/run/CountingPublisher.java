package io.streamlimit.local.run;

import io.streamlimit.event.StreamEvent;
import io.streamlimit.producer.EventPublisher;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts what the producer has had accepted, for the progress bar. */
final class CountingPublisher implements EventPublisher {

    private final EventPublisher delegate;
    private final AtomicInteger published;

    CountingPublisher(EventPublisher delegate, AtomicInteger published) {
        this.delegate = delegate;
        this.published = published;
    }

    @Override
    public void publish(List<StreamEvent> events) {
        delegate.publish(events);
        published.addAndGet(events.size());
    }
}
