package io.streamlimit.sim.internal;

/**
 * Network and service latencies the simulator assumes. They are not AWS-documented figures
 * (AWS publishes none), so they live here rather than in {@code AwsBehaviour}: typical
 * same-region round trips, small next to the one-second calls the scenarios are about.
 */
final class Latencies {

    /** The producer's SNS Publish round trip: uniform in this range. */
    static final int PUBLISH_MIN_MILLIS = 10;
    static final int PUBLISH_MAX_MILLIS = 30;
    /** From an accepted publish to the subscriber (the SQS queue or Lambda's async queue). */
    static final int SNS_DELIVERY_MILLIS = 20;
    /** One SQS API call that does not wait: a receive that finds messages, a delete batch. */
    static final int SQS_CALL_MILLIS = 10;

    private Latencies() {
    }
}
