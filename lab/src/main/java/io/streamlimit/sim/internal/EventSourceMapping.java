package io.streamlimit.sim.internal;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.rules.BatchingWindow;
import io.streamlimit.aws.rules.FifoConcurrency;
import io.streamlimit.aws.rules.InvokeRetry;
import io.streamlimit.aws.rules.MappingScaler;
import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.ProvisionedPollers;
import io.streamlimit.scenario.QueueSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives the SQS event source mapping's rules ({@link MappingScaler}, {@link InvokeRetry},
 * {@link BatchingWindow}) in virtual time: a scaling tick, and the pollers it starts or retires to
 * meet its target; on a FIFO queue the target is capped by the active message groups
 * ({@link FifoConcurrency}).
 */
final class EventSourceMapping implements Scheduler.Action {

    /** What every poller of this mapping shares. */
    record Settings(BatchingWindow window, long longPollMillis, InvokeRetry invokeRetry) {
    }

    private final Scheduler scheduler;
    private final List<Poller> retired = new ArrayList<>();
    private final SqsQueue queue;
    private final MappingScaler scaler;
    private final PollerFactory factory;
    private final Recorder recorder;
    private int active;

    /** Builds pollers on demand, so the mapping need not know their collaborators. */
    interface PollerFactory {
        Poller create(EventSourceMapping mapping);
    }

    EventSourceMapping(Scheduler scheduler, MappingScaler.Settings scaling, SqsQueue queue, Recorder recorder,
                       PollerFactory factory) {
        this.scheduler = scheduler;
        this.queue = queue;
        this.recorder = recorder;
        this.factory = factory;
        this.scaler = new MappingScaler(scaling);
    }

    /** The mapping's scaling as configured: standard mode, or provisioned mode with the queue's pollers. */
    static MappingScaler.Settings scaling(AwsBehaviour aws, QueueSpec queue, ConsumerSpec consumer) {
        ProvisionedPollers pollers = queue.pollers();
        return pollers == null
                ? MappingScaler.Settings.of(aws, consumer.maximumConcurrency())
                : MappingScaler.Settings.provisioned(aws, pollers.minimumPollers(), pollers.maximumPollers());
    }

    static Settings settings(AwsBehaviour aws, QueueSpec queue, ConsumerSpec consumer) {
        return new Settings(new BatchingWindow(queue.batchSize(), queue.batchWindowSeconds() * 1_000L),
                aws.longPollWait().toMillis(),
                InvokeRetry.of(aws, consumer.reservedConcurrency(), queue.visibilityTimeoutSeconds()));
    }

    void start() {
        recorder.pollers(scaler.minimumPollers(), scaler.pollerMillisAboveMinimum());
        addPollers();
        scheduler.after(scaler.tickMillis(), Scheduler.TICK, this, 0);
    }

    /** A scaling tick. */
    @Override
    public void fire(long tag) {
        scaler.tick(scheduler.now(), queue.receivable());
        recorder.pollers(scaler.minimumPollers(), scaler.pollerMillisAboveMinimum());
        addPollers();
        scheduler.after(scaler.tickMillis(), Scheduler.TICK, this, 0);
    }

    MappingScaler scaler() {
        return scaler;
    }

    private void addPollers() {
        while (active < target()) {
            active++;
            Poller poller = retired.isEmpty() ? factory.create(this) : retired.remove(retired.size() - 1);
            poller.poll();
        }
    }

    /** The batches to run: the scaler's, and on a FIFO queue no more than the active message groups. */
    private int target() {
        return queue.isFifo() ? FifoConcurrency.batches(scaler.target(), queue.activeGroups()) : scaler.target();
    }

    /** Called by a poller between batches: true (and the poller stops) if there are too many. */
    boolean retireIfSurplus(Poller poller) {
        if (active <= target()) {
            return false;
        }
        active--;
        retired.add(poller);
        return true;
    }
}
