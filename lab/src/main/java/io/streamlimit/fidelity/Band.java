package io.streamlimit.fidelity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How close a simulated figure must come to the real one, as the acceptance criteria state it:
 * within a fraction of the real value, within an amount of it, or inside a fixed range.
 * Bounds are inclusive.
 */
public sealed interface Band {

    /** Slack for the binary fractions of decimal bounds (10% of 1.306 is not exactly 0.1306). */
    double TOLERANCE = 1e-9;

    /** Within {@code fraction} of the real value either way (0.10 = 10%). */
    static Band relative(double fraction) {
        return new Relative(fraction);
    }

    /** Within {@code amount} of the real value either way. */
    static Band absolute(double amount) {
        return new Absolute(amount);
    }

    /** Exactly the real value (counts: 0 failed, 1 environment). */
    static Band exact() {
        return new Absolute(0);
    }

    /** Inside {@code [low, high]}, whatever the real value. */
    static Band range(double low, double high) {
        return new Range(low, high);
    }

    double low(double real);

    double high(double real);

    /** The band in words, with its bounds for this real value printed with {@code places} decimals. */
    String describe(double real, int places);

    default boolean contains(double real, double simulated) {
        double low = low(real);
        double high = high(real);
        double slack = TOLERANCE * Math.max(1, Math.max(Math.abs(low), Math.abs(high)));
        return simulated >= low - slack && simulated <= high + slack;
    }

    record Relative(double fraction) implements Band {

        public Relative {
            check(fraction >= 0, "a relative band's fraction must be 0 or more, got " + fraction);
        }

        @Override
        public double low(double real) {
            return real - Math.abs(real) * fraction;
        }

        @Override
        public double high(double real) {
            return real + Math.abs(real) * fraction;
        }

        @Override
        public String describe(double real, int places) {
            return "±" + plain(fraction * 100, 1) + "% " + bounds(low(real), high(real), places);
        }
    }

    record Absolute(double amount) implements Band {

        public Absolute {
            check(amount >= 0, "an absolute band's amount must be 0 or more, got " + amount);
        }

        @Override
        public double low(double real) {
            return real - amount;
        }

        @Override
        public double high(double real) {
            return real + amount;
        }

        @Override
        public String describe(double real, int places) {
            return amount == 0
                    ? "exactly " + fixed(real, places)
                    : "±" + plain(amount, places) + " " + bounds(low(real), high(real), places);
        }
    }

    record Range(double low, double high) implements Band {

        public Range {
            check(low <= high, "a range's low must not exceed its high, got [" + low + ", " + high + "]");
        }

        @Override
        public double low(double real) {
            return low;
        }

        @Override
        public double high(double real) {
            return high;
        }

        @Override
        public String describe(double real, int places) {
            return bounds(low, high, places);
        }
    }

    /** Bounds as the figure is printed: "[1366.6, 1670.3]". */
    private static String bounds(double low, double high, int places) {
        return "[" + fixed(low, places) + ", " + fixed(high, places) + "]";
    }

    /** Exactly {@code places} decimals, never an exponent. */
    private static String fixed(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }

    /** A band's own size, trailing zeros dropped: 10.0 -> "10", 0.080 -> "0.08". */
    private static String plain(double value, int places) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
