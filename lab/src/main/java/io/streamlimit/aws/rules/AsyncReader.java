package io.streamlimit.aws.rules;

import io.streamlimit.aws.AwsBehaviour;

/**
 * The rate at which Lambda's asynchronous queue hands events to one function: events whose
 * attempt is due wait in line and are read at most {@code asyncDeliveryRatePerSecond} a second,
 * evenly spaced. In 2020 an unthrottled SNS -> Lambda function received 16 to 18 events a second,
 * not a thousand at once (fitted to the June 2020 trace, consumer-1, and run 01).
 */
public final class AsyncReader {

    private final double intervalMillis;
    private double nextReadAt;

    public AsyncReader(double ratePerSecond) {
        this.intervalMillis = ratePerSecond > 0 ? 1_000.0 / ratePerSecond : 0;
    }

    public static AsyncReader of(AwsBehaviour aws) {
        return new AsyncReader(aws.asyncDeliveryRatePerSecond());
    }

    /** Takes the next read slot at or after {@code now} and returns when it is. */
    public long reserve(long now) {
        double slot = Math.max(now, nextReadAt);
        nextReadAt = slot + intervalMillis;
        return (long) Math.ceil(slot);
    }

    /** When the next read could happen, without taking it. */
    public long nextSlot(long now) {
        return (long) Math.ceil(Math.max(now, nextReadAt));
    }
}
