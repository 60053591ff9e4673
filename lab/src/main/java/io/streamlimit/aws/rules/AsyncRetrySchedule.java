package io.streamlimit.aws.rules;

import io.streamlimit.aws.AwsBehaviour;
import java.util.random.RandomGenerator;

/**
 * Lambda's asynchronous invocation retries (SNS -> Lambda). A throttled event goes back to the
 * internal queue and is retried with exponential backoff from {@code asyncThrottleInitialBackoff}
 * to {@code asyncThrottleMaxBackoff}; AWS says the interval "might be longer if the queue is
 * backed up": a backlog spreads them over the step. A failed event (error or timeout) is retried
 * {@code asyncErrorRetries} times, about one and two minutes later. An event older than
 * {@code asyncMaximumEventAge} when an attempt comes due goes to the on-failure destination.
 */
public final class AsyncRetrySchedule {

    /** What happens to an event after a failed attempt (a function error or a timeout). */
    public sealed interface AfterError {
    }

    /** Try again at {@code at}. */
    public record RetryAt(long at) implements AfterError {
    }

    /** No retry left: the event goes to the on-failure destination (the DLQ). */
    public record DeadLetter() implements AfterError {
    }

    private final AwsBehaviour aws;

    public AsyncRetrySchedule(AwsBehaviour aws) {
        this.aws = RuleChecks.required("aws", aws);
    }

    /** True when an attempt due now must not be made: the event is past its maximum age. */
    public boolean expired(long now, long acceptedAt) {
        return now - acceptedAt >= aws.asyncMaximumEventAge().toMillis();
    }

    /**
     * When to try again after throttle number {@code throttles} (0 for the first), with
     * {@code backlog} events (this one included) waiting to retry after throttles; never later
     * than the moment the event expires, when it is dead-lettered.
     *
     * <p>A lone event retries at the documented doubling or a little longer, never shorter: the
     * step lengthened by a random share of up to {@code asyncRetryJitter} (a 2025 measurement saw
     * gaps of 1, 2, 4, 8, about 17, then 35 s). A backlog of n events is spread over the step, a
     * random share of up to 1 - 1/n of it taken off and the lengthening weighed by 1/n, so that
     * retries throttled together do not come back together ("it might be longer if the queue is
     * backed up"): a large backlog retries anywhere in the step, which reproduces run 02.
     */
    public long afterThrottle(long now, long acceptedAt, int throttles, int backlog, RandomGenerator random) {
        int n = Math.max(1, backlog);
        long step = Backoff.exponential(throttles, aws.asyncThrottleInitialBackoff().toMillis(),
                aws.asyncThrottleMaxBackoff().toMillis(), 0, random);
        double shortened = (1 - 1.0 / n) * random.nextDouble();
        double lengthened = aws.asyncRetryJitter() / n * random.nextDouble();
        long wait = Math.max(1, Math.round(step * (1 - shortened + lengthened)));
        return Math.min(now + wait, acceptedAt + aws.asyncMaximumEventAge().toMillis());
    }

    /** After a failed attempt, having retried {@code errorRetries} times already: when to retry, or dead-letter. */
    public AfterError afterError(long now, int errorRetries) {
        RuleChecks.nonNegative("errorRetries", errorRetries);
        if (errorRetries >= aws.asyncErrorRetries()) {
            return new DeadLetter();
        }
        return new RetryAt(now + (errorRetries == 0 ? aws.asyncFirstErrorRetryDelay() : aws.asyncSecondErrorRetryDelay()).toMillis());
    }
}
