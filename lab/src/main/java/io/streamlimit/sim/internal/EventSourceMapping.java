package io.streamlimit.sim.internal;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.QueueSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQS event source mapping's scaling: it starts with {@code initialConcurrentBatches}
 * pollers, adds up to {@code concurrentBatchesAddedPerMinute} while messages wait, up to
 * MaximumConcurrency (or the service's own ceiling), and falls back towards its floor when the
 * queue is empty. Reserved concurrency plays no part.
 */
final class EventSourceMapping implements Scheduler.Action {

    /** What every poller of this mapping shares. */
    record Settings(int batchSize, long windowMillis, long visibilityMillis, long longPollMillis,
                    long retryInitialMillis, long retryMaxMillis) {
    }

    private final Scheduler scheduler;
    private final List<Poller> retired = new ArrayList<>();
    private final SqsQueue queue;
    private final int ceiling;
    private final int floor;
    private final int stepPerTick;
    private final PollerFactory factory;
    private int target;
    private int active;

    /** Builds pollers on demand, so the mapping need not know their collaborators. */
    interface PollerFactory {
        Poller create(EventSourceMapping mapping);
    }

    EventSourceMapping(Scheduler scheduler, AwsBehaviour aws, ConsumerSpec consumer, SqsQueue queue,
                       PollerFactory factory) {
        this.scheduler = scheduler;
        this.queue = queue;
        this.factory = factory;
        this.ceiling = consumer.maximumConcurrency() == null
                ? aws.maxConcurrentBatches()
                : Math.min(consumer.maximumConcurrency(), aws.maxConcurrentBatches());
        this.floor = Math.min(aws.initialConcurrentBatches(), ceiling);
        this.stepPerTick = Math.max(1,
                aws.concurrentBatchesAddedPerMinute() * Latencies.MAPPING_SCALING_TICK_MILLIS / 60_000);
        this.target = floor;
    }

    static Settings settings(AwsBehaviour aws, QueueSpec queue) {
        return new Settings(queue.batchSize(), queue.batchWindowSeconds() * 1_000L,
                queue.visibilityTimeoutSeconds() * 1_000L, aws.longPollWait().toMillis(),
                aws.throttleRetryInitialBackoff().toMillis(), aws.throttleRetryMaxBackoff().toMillis());
    }

    void start() {
        addPollers();
        scheduler.after(Latencies.MAPPING_SCALING_TICK_MILLIS, Scheduler.TICK, this, 0);
    }

    /** Scaling: up while messages wait, down towards the floor while none do. */
    @Override
    public void fire(long tag) {
        if (queue.visibleCount() > 0) {
            target = Math.min(ceiling, target + stepPerTick);
            addPollers();
        } else {
            target = Math.max(floor, target - stepPerTick);
        }
        scheduler.after(Latencies.MAPPING_SCALING_TICK_MILLIS, Scheduler.TICK, this, 0);
    }

    private void addPollers() {
        while (active < target) {
            active++;
            Poller poller = retired.isEmpty() ? factory.create(this) : retired.remove(retired.size() - 1);
            poller.poll();
        }
    }

    /** Called by a poller between batches: true (and the poller stops) if there are too many. */
    boolean retireIfSurplus(Poller poller) {
        if (active <= target) {
            return false;
        }
        active--;
        retired.add(poller);
        return true;
    }

    int concurrentBatches() {
        return active;
    }
}
