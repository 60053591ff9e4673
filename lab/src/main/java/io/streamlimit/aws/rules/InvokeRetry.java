package io.streamlimit.aws.rules;

import io.streamlimit.aws.AwsBehaviour;
import java.util.random.RandomGenerator;

/**
 * When a poller of an SQS event source mapping tries to invoke the function with the batch it
 * holds. A fresh batch is invoked at once, unless the mapping is backing off; a throttled one is
 * retried after a random, memoryless wait until the batch's visibility timeout runs out, when the
 * poller lets it go (it reappears with its receive count raised). AWS documents the retries until
 * the visibility timeout ("Lambda continues to retry the message until the message's timestamp
 * exceeds your queue's visibility timeout",
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html), not their
 * spacing.
 *
 * <p>The visibility deadline is counted from the batch's first receive: its earliest message
 * becomes visible again then, and a batch is invoked whole or not at all.
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

    /** What a poller does with a held batch next. */
    public sealed interface Attempt {
    }

    /** Try to invoke at {@code at}. */
    public record InvokeAt(long at) implements Attempt {
    }

    /** Stop trying: let the batch go at {@code at}, when its visibility timeout runs out. */
    public record LetGo(long at) implements Attempt {
    }

    private final long meanIntervalMillis;
    private final long visibilityMillis;

    public InvokeRetry(long meanIntervalMillis, long visibilityMillis) {
        this.meanIntervalMillis = RuleChecks.positive("meanIntervalMillis", meanIntervalMillis);
        this.visibilityMillis = RuleChecks.nonNegative("visibilityMillis", visibilityMillis);
    }

    /**
     * The retries of a mapping feeding a function with this reservation, on a queue with this
     * visibility timeout.
     *
     * @param reservedConcurrency the function's reserved concurrency, or null for the account's unreserved
     *     pool (as {@link FunctionScaling#of} reads it)
     * @param visibilityTimeoutSeconds the queue's visibility timeout
     */
    public static InvokeRetry of(AwsBehaviour aws, Integer reservedConcurrency, long visibilityTimeoutSeconds) {
        int environments = reservedConcurrency != null ? reservedConcurrency : aws.unreservedConcurrency();
        return new InvokeRetry(Math.max(1, Math.round(
                        aws.heldBatchRetryMeanInterval().toMillis() / (double) Math.max(1, environments))),
                RuleChecks.nonNegative("visibilityTimeoutSeconds", visibilityTimeoutSeconds) * 1_000L);
    }

    /** The mean wait before a held batch's next attempt. */
    public long meanIntervalMillis() {
        return meanIntervalMillis;
    }

    /** When a batch first received at {@code firstReceivedAt} becomes visible again. */
    public long visibleAgainAt(long firstReceivedAt) {
        return firstReceivedAt + visibilityMillis;
    }

    /** The first attempt with a batch just received: at once, or after a wait while the mapping backs off. */
    public long firstAttempt(long now, boolean mappingBackingOff, RandomGenerator random) {
        return mappingBackingOff ? now + Backoff.memoryless(meanIntervalMillis, random) : now;
    }

    /** The next attempt after a throttle at {@code now}, or letting the batch go at its visibility deadline. */
    public Attempt nextAttempt(long now, long firstReceivedAt, RandomGenerator random) {
        long next = now + Backoff.memoryless(meanIntervalMillis, random);
        long deadline = visibleAgainAt(firstReceivedAt);
        return next < deadline ? new InvokeAt(next) : new LetGo(deadline);
    }
}
