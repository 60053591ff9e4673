package io.streamlimit.sim.internal;

/**
 * The SNS topic: counts publishes and fans each message out to its one subscription (the queue,
 * or Lambda's async queue) after the delivery latency. SNS retries only unreachable endpoints,
 * which never happens here; throttles and errors are the subscriber's business.
 */
final class SnsTopic implements Producer.Target {

    private final Recorder recorder;
    private final DelayLine delivery;

    SnsTopic(Scheduler scheduler, Recorder recorder, DelayLine.Sink subscriber) {
        this.recorder = recorder;
        this.delivery = new DelayLine(scheduler, Latencies.SNS_DELIVERY_MILLIS, Scheduler.ARRIVE, subscriber);
    }

    @Override
    public long publish(int eventId, int attempt) {
        recorder.snsPublishes++;
        delivery.push(eventId, 0);
        return ACCEPTED;
    }
}
