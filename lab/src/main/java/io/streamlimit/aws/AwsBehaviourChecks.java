package io.streamlimit.aws;

import java.time.Duration;
import java.util.Objects;

/** The value checks, each naming the field; a profile file's errors come out of them. */
final class AwsBehaviourChecks {

    private AwsBehaviourChecks() {
    }

    static void atLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + ": must be at least " + min + ", got " + value);
        }
    }

    static void nonNegative(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative()) {
            throw new IllegalArgumentException(field + ": must not be negative, got " + value);
        }
    }

    static void positive(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + ": must be longer than zero, got " + value);
        }
    }

    static void nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + ": must be a finite number of 0 or more, got " + value);
        }
    }

    static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + ": must be a finite number above 0, got " + value);
        }
    }

    static void fraction(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(field + ": must be 0 to 1, got " + value);
        }
    }

    static void notAbove(String field, int value, String maxField, int max) {
        if (value > max) {
            throw new IllegalArgumentException(field + ": must be at most " + maxField + " (" + max + "), got " + value);
        }
    }

    static void notAbove(String field, Duration value, String maxField, Duration max) {
        if (value.compareTo(max) > 0) {
            throw new IllegalArgumentException(field + ": must be at most " + maxField + " (" + max + "), got " + value);
        }
    }
}
