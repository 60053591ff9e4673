package io.streamlimit.testing;

import io.streamlimit.consumer.Downstream;
import io.streamlimit.consumer.InvocationInfo;
import io.streamlimit.event.StreamEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A downstream that remembers every call and refuses the events a predicate picks. */
public final class RecordingDownstream implements Downstream {

    private final List<StreamEvent> accepted = new ArrayList<>();
    private final List<InvocationInfo> invocations = new ArrayList<>();
    private Predicate<StreamEvent> refuse = event -> false;

    public synchronized void refuseWhen(Predicate<StreamEvent> predicate) {
        this.refuse = predicate;
    }

    @Override
    public synchronized List<StreamEvent> callAll(List<StreamEvent> events, InvocationInfo invocation) {
        invocations.add(invocation);
        List<StreamEvent> refused = events.stream().filter(refuse).toList();
        events.stream().filter(refuse.negate()).forEach(accepted::add);
        return refused;
    }

    public synchronized List<StreamEvent> accepted() {
        return List.copyOf(accepted);
    }

    public synchronized List<InvocationInfo> invocations() {
        return List.copyOf(invocations);
    }
}
