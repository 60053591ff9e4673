package io.streamlimit.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Fixed-place rounding and printing, so the same numbers always print the same way. */
final class Decimals {

    static final int TIME_PLACES = 3;
    static final int RATE_PLACES = 3;
    static final int COST_PLACES = 6;
    static final int RATIO_PLACES = 3;

    private Decimals() {
    }

    static double round(double value, int places) {
        return toDecimal(value, places).doubleValue();
    }

    /** Plain notation with exactly {@code places} decimals, never an exponent. */
    static String format(double value, int places) {
        return toDecimal(value, places).toPlainString();
    }

    private static BigDecimal toDecimal(double value, int places) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric value is not a finite number: " + value);
        }
        // valueOf goes through the shortest decimal string, so 0.0005 rounds up as written.
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
    }
}
