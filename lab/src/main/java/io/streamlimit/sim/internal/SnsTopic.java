package io.streamlimit.sim.internal;

/**
 * The SNS topic: counts publishes and fans each message out to its one subscription (the queue,
 * or Lambda's async queue) after the delivery latency. SNS retries only unreachable endpoints,
 * which never happens here; throttles and errors are the subscriber's business.
 */
final class SnsTopic implements Producer.Target {

    /** A published event's bytes, as the Kinesis proxy's record (an assumption of the simulator's). */
    static final int EVENT_BYTES = KinesisStream.EVENT_BYTES;

    private final Recorder recorder;
    private final DelayLine delivery;
    private final AppliedOrder order;

    SnsTopic(Scheduler scheduler, Recorder recorder, DelayLine.Sink subscriber) {
        this(scheduler, recorder, subscriber, null);
    }

    /** @param order told the order in which events reach the topic (null: nobody) */
    SnsTopic(Scheduler scheduler, Recorder recorder, DelayLine.Sink subscriber, AppliedOrder order) {
        this.recorder = recorder;
        this.order = order;
        this.delivery = new DelayLine(scheduler, Latencies.SNS_DELIVERY_MILLIS, Scheduler.ARRIVE, subscriber);
    }

    @Override
    public long publish(int eventId, int attempt) {
        recorder.snsPublishes++;
        if (order != null) {
            order.arrived(eventId);
        }
        delivery.push(eventId, 0);
        return ACCEPTED;
    }
}
