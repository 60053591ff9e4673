package io.streamlimit.aws.rules;

import io.streamlimit.aws.AwsBehaviour;
import java.util.random.RandomGenerator;

/**
 * When a poller of an SQS event source mapping tries to invoke the function with the batch it
 * holds. A fresh batch is invoked at once, unless the mapping is backing off; a throttled one is
 * retried after a random, memoryless wait until the batch's visibility timeout runs out, when the
 * poller lets it go (it reappears with its receive count raised). AWS documents the retries until
 * the visibility timeout, not their spacing.
 *
 * <p>The spacing scales with the function's concurrency: a held batch waits on average
 * {@link AwsBehaviour#heldBatchRetryMeanInterval()} (fitted at reserved concurrency 1) divided by
 * the environments the function may run. So each environment meets the retries one environment
 * meets at reserved concurrency 1, and a function with c environments behaves like c functions
 * with one: the same share of its capacity used whatever c. With the interval fixed instead, five
 * environments shared the retries one had, and run 05 (reserved concurrency 5) came out 13 to 35 %
 * slow while the runs at reserved concurrency 1 landed (docs/MODEL.md, "The mapping's back-off
 * across reserved concurrency").
 */
public final class InvokeRetry {

    private final long meanIntervalMillis;

    public InvokeRetry(long meanIntervalMillis) {
        if (meanIntervalMillis < 1) {
            throw new IllegalArgumentException("meanIntervalMillis must be 1 or more, got " + meanIntervalMillis);
        }
        this.meanIntervalMillis = meanIntervalMillis;
    }

    /**
     * The retries of a mapping feeding a function with this reservation.
     *
     * @param reservedConcurrency the function's reserved concurrency, or null for the account's unreserved
     *     pool (as {@link FunctionScaling#of} reads it)
     */
    public static InvokeRetry of(AwsBehaviour aws, Integer reservedConcurrency) {
        int environments = reservedConcurrency != null ? reservedConcurrency : aws.unreservedConcurrency();
        return new InvokeRetry(Math.max(1, Math.round(
                aws.heldBatchRetryMeanInterval().toMillis() / (double) Math.max(1, environments))));
    }

    /** The mean wait before a held batch's next attempt. */
    public long meanIntervalMillis() {
        return meanIntervalMillis;
    }

    /** The first attempt with a batch just received. */
    public long firstAttempt(long now, boolean mappingBackingOff, RandomGenerator random) {
        return mappingBackingOff ? now + Backoff.memoryless(meanIntervalMillis, random) : now;
    }

    /**
     * The next attempt after a throttle; a time at or after {@code visibleAgainAt} means: stop
     * trying and let the batch go at {@code visibleAgainAt}.
     */
    public long nextAttempt(long now, long visibleAgainAt, RandomGenerator random) {
        long next = now + Backoff.memoryless(meanIntervalMillis, random);
        return Math.min(next, visibleAgainAt);
    }
}
