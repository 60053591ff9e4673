package io.streamlimit.aws.rules;

import java.util.random.RandomGenerator;

/** A random source that always draws the same fraction, to pin a rule's decision at one draw. */
final class FixedRandom implements RandomGenerator {

    private final double fraction;

    FixedRandom(double fraction) {
        this.fraction = fraction;
    }

    /** A source the rule must not draw from: a zero rate, say. */
    static RandomGenerator untouchable() {
        return () -> {
            throw new AssertionError("the rule drew a random number it should not need");
        };
    }

    @Override
    public double nextDouble() {
        return fraction;
    }

    @Override
    public long nextLong() {
        return (long) (fraction * Long.MAX_VALUE);
    }
}
