package io.streamlimit.local.chaos;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Records operations and their answers from any number of threads. */
public final class History {

    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentLinkedQueue<Op> ops = new ConcurrentLinkedQueue<>();

    /** A tick of the logical clock: take one before a call and one after it. */
    public long tick() {
        return ticks.incrementAndGet();
    }

    public Op record(OpKind kind, String uid, String streamId, String via, long invoked, long returned,
                     long clockMillis, Answer answer) {
        return record(kind, uid, streamId, via, invoked, returned, clockMillis, -1, answer);
    }

    /** As {@link #record(OpKind, String, String, String, long, long, long, Answer)}, for an event with an {@code at}. */
    public Op record(OpKind kind, String uid, String streamId, String via, long invoked, long returned,
                     long clockMillis, long openedAtMillis, Answer answer) {
        Op op = new Op(ids.incrementAndGet(), kind, uid, streamId, via, invoked, returned, clockMillis, openedAtMillis, answer);
        ops.add(op);
        return op;
    }

    /** Every operation recorded so far, in recording order. */
    public List<Op> ops() {
        List<Op> all = new ArrayList<>(ops);
        all.sort(Comparator.comparingLong(Op::id));
        return all;
    }

    public int size() {
        return ops.size();
    }
}
