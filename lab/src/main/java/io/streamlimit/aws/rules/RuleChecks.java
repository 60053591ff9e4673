package io.streamlimit.aws.rules;

/** The input checks the rules share: each names the argument and the value it refused. */
final class RuleChecks {

    private RuleChecks() {
    }

    static long nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + ": must be 0 or more, got " + value);
        }
        return value;
    }

    static long positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + ": must be above 0, got " + value);
        }
        return value;
    }

    static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + ": must be " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    static double fraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + ": must be 0 to 1, got " + value);
        }
        return value;
    }

    static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + ": must be 0 or more and finite, got " + value);
        }
        return value;
    }

    static <T> T required(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + ": is required");
        }
        return value;
    }
}
