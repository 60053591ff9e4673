package io.streamlimit.sim.internal;

/**
 * Hands (id, aux) pairs to a sink after a fixed delay, in order: SNS delivery to its subscriber,
 * a delete request reaching SQS. One timer for the whole line rather than one per message.
 */
final class DelayLine implements Scheduler.Action {

    /** Where the ids go. */
    interface Sink {
        void accept(int id, int aux);
    }

    private final Scheduler scheduler;
    private final long delay;
    private final int priority;
    private final Sink sink;
    private final TimedRing line = new TimedRing();

    DelayLine(Scheduler scheduler, long delay, int priority, Sink sink) {
        this.scheduler = scheduler;
        this.delay = delay;
        this.priority = priority;
        this.sink = sink;
    }

    void push(int id, int aux) {
        long due = scheduler.now() + delay;
        line.add(due, id, aux);
        if (line.size() == 1) {
            scheduler.at(due, priority, this, 0);
        }
    }

    @Override
    public void fire(long tag) {
        long now = scheduler.now();
        while (!line.isEmpty() && line.headTime() <= now) {
            int id = line.headId();
            int aux = line.headAux();
            line.removeHead();
            sink.accept(id, aux);
        }
        if (!line.isEmpty()) {
            scheduler.at(line.headTime(), priority, this, 0);
        }
    }
}
