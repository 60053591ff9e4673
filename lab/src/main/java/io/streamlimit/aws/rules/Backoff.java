package io.streamlimit.aws.rules;

import java.util.random.RandomGenerator;

/** The one backoff function every retry of the model uses, seeded by its caller. */
public final class Backoff {

    private Backoff() {
    }

    /**
     * Exponential backoff: {@code initial} doubled per attempt up to {@code max}, then shortened
     * by a random share of up to {@code jitter} (0: none, 1: "full jitter", anywhere in the step).
     * Retries of many callers throttled together spread out instead of staying in lockstep.
     */
    public static long exponential(int attempt, long initialMillis, long maxMillis, double jitter,
                                   RandomGenerator random) {
        RuleChecks.nonNegative("attempt", attempt);
        RuleChecks.positive("initialMillis", initialMillis);
        if (maxMillis < initialMillis) {
            throw new IllegalArgumentException("maxMillis: must be at least initialMillis " + initialMillis + ", got " + maxMillis);
        }
        RuleChecks.fraction("jitter", jitter);
        long step = Math.min(maxMillis, initialMillis << Math.min(Math.max(attempt, 0), 30));
        long shortened = (long) (step * jitter * random.nextDouble());
        return Math.max(1, step - shortened);
    }

    /** A memoryless wait: exponentially distributed with this mean, at least 1 ms. */
    public static long memoryless(long meanMillis, RandomGenerator random) {
        RuleChecks.nonNegative("meanMillis", meanMillis);
        if (meanMillis <= 0) {
            return 0;
        }
        return Math.max(1, Math.round(memorylessMillis(meanMillis, random)));
    }

    /** A memoryless wait in fractional milliseconds, for a rate kept exact over many waits. */
    public static double memorylessMillis(double meanMillis, RandomGenerator random) {
        RuleChecks.nonNegative("meanMillis", meanMillis);
        return meanMillis <= 0 ? 0 : -meanMillis * Math.log(1 - random.nextDouble());
    }
}
