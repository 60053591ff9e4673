package io.streamlimit.report;

/** Axis ranges and tick steps on round numbers (1, 2 or 5 times a power of ten). */
final class Ticks {

    private Ticks() {
    }

    /** The smallest round number at least {@code value} (and at least 1). */
    static long niceCeiling(long value) {
        long v = Math.max(1, value);
        long power = 1;
        while (power * 10 <= v && power <= Long.MAX_VALUE / 100) {
            power *= 10;
        }
        for (long factor : new long[] {1, 2, 5, 10}) {
            if (factor * power >= v) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    /** A round step giving at most about {@code maxTicks} intervals over [0, span]. */
    static long niceStep(long span, int maxTicks) {
        return niceCeiling((Math.max(1, span) + maxTicks - 1) / maxTicks);
    }
}
