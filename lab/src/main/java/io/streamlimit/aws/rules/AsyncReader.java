package io.streamlimit.aws.rules;

import io.streamlimit.aws.AwsBehaviour;
import java.util.random.RandomGenerator;

/**
 * When Lambda's asynchronous queue hands the next event to one function: events whose attempt is
 * due wait in line and are read one at a time at random moments, at {@code
 * asyncDeliveryRatePerSecond} a second on average (the waits between reads are memoryless).
 *
 * <p>In 2020 an unthrottled SNS -> Lambda function received 16 to 18 events a second on average,
 * not a thousand at once (fitted to the June 2020 trace, consumer-1, and run 01), and unevenly:
 * between 0 and 30 starts a second, 18 of its first 58 seconds above 20. Reads evenly spaced at
 * the mean rate would never go above 17 a second, so a downstream limit of 20 would look safe.
 * Random reads are the plainest model of an uneven rate that knows only the mean; they give 10
 * or 11 such seconds (seeds 1 to 5). The real reads came in clumps (start gaps: median 0.009 s, p90
 * 0.267 s); reading batches reproduced the clumps but made more environments than the real run's.
 */
public final class AsyncReader {

    private final double meanIntervalMillis;
    private double nextReadAt = Double.NEGATIVE_INFINITY;

    public AsyncReader(double ratePerSecond) {
        RuleChecks.nonNegative("ratePerSecond", ratePerSecond);
        this.meanIntervalMillis = ratePerSecond > 0 ? 1_000.0 / ratePerSecond : 0;
    }

    public static AsyncReader of(AwsBehaviour aws) {
        return new AsyncReader(aws.asyncDeliveryRatePerSecond());
    }

    /**
     * Takes the next read at or after {@code now} and returns when it is. A reader left idle reads
     * at once: its next read was due in the past.
     */
    public long reserve(long now, RandomGenerator random) {
        if (meanIntervalMillis == 0) {
            return now;
        }
        double at = Math.max(now, nextReadAt);
        nextReadAt = at + Backoff.memorylessMillis(meanIntervalMillis, random);
        return (long) Math.ceil(at);
    }
}
