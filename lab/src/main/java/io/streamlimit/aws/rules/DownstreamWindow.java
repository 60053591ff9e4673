package io.streamlimit.aws.rules;

/**
 * The rate-limited downstream's fixed window: calls are counted per calendar second of their
 * start. With {@code enforce} every call beyond {@code ratePerSecond} in the current second is
 * refused (a 429); without it all are accepted and the seconds that went over are counted.
 */
public final class DownstreamWindow {

    private final int ratePerSecond;
    private final boolean enforce;
    private long currentSecond = Long.MIN_VALUE;
    private int acceptedThisSecond;
    private long secondsOverLimit;
    private long refused;

    public DownstreamWindow(int ratePerSecond, boolean enforce) {
        RuleChecks.nonNegative("ratePerSecond", ratePerSecond);
        this.ratePerSecond = ratePerSecond;
        this.enforce = enforce;
    }

    /** One call starting at {@code nowMillis}; false when refused. */
    public boolean admit(long nowMillis) {
        long second = Math.floorDiv(nowMillis, 1_000);
        if (second != currentSecond) {
            currentSecond = second;
            acceptedThisSecond = 0;
        }
        if (enforce && acceptedThisSecond >= ratePerSecond) {
            refused++;
            return false;
        }
        acceptedThisSecond++;
        if (acceptedThisSecond == ratePerSecond + 1) {
            secondsOverLimit++;
        }
        return true;
    }

    public long secondsOverLimit() {
        return secondsOverLimit;
    }

    public long refused() {
        return refused;
    }
}
