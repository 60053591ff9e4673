package io.streamlimit.aws.rules;

import io.streamlimit.aws.AwsBehaviour;
import java.util.random.RandomGenerator;

/**
 * When a poller of an SQS event source mapping tries to invoke the function with the batch it
 * holds. A fresh batch is invoked at once, unless the mapping is backing off; a throttled one is
 * retried after a random, memoryless wait until the batch's visibility timeout runs out, when the
 * poller lets it go (it reappears with its receive count raised). AWS documents the retries until
 * the visibility timeout, not their spacing; the mean wait is fitted
 * ({@link AwsBehaviour#heldBatchRetryMeanInterval()}).
 */
public final class InvokeRetry {

    private final long meanIntervalMillis;

    public InvokeRetry(long meanIntervalMillis) {
        this.meanIntervalMillis = meanIntervalMillis;
    }

    public static InvokeRetry of(AwsBehaviour aws) {
        return new InvokeRetry(aws.heldBatchRetryMeanInterval().toMillis());
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
