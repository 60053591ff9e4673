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
 * spacing; the mean wait is fitted ({@link AwsBehaviour#heldBatchRetryMeanInterval()}).
 *
 * <p>The visibility deadline is counted from the batch's first receive: its earliest message
 * becomes visible again then, and a batch is invoked whole or not at all.
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

    /** @param visibilityTimeoutSeconds the queue's visibility timeout */
    public static InvokeRetry of(AwsBehaviour aws, long visibilityTimeoutSeconds) {
        return new InvokeRetry(aws.heldBatchRetryMeanInterval().toMillis(),
                RuleChecks.nonNegative("visibilityTimeoutSeconds", visibilityTimeoutSeconds) * 1_000L);
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
