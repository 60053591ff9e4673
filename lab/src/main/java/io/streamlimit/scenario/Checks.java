package io.streamlimit.scenario;

/** The range checks the scenario records share, so that every message reads the same way. */
final class Checks {

    private Checks() {
    }

    static int range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ScenarioException(key, "must be " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    /** A range with an alternative, e.g. {@code "-1 (infinite) or "} before it. */
    static int range(String key, int value, int min, int max, String alternative) {
        if (value < min || value > max) {
            throw new ScenarioException(key, "must be " + alternative + min + " to " + max + ", got " + value);
        }
        return value;
    }

    static Integer optionalRange(String key, Integer value, int min, int max) {
        return value == null ? null : range(key, value, min, max);
    }

    static <T> T required(String key, T value) {
        if (value == null) {
            throw new ScenarioException(key, "is required");
        }
        return value;
    }

    static void absent(String key, Object value, String because) {
        if (value != null) {
            throw new ScenarioException(key, "not allowed " + because + ", got " + value);
        }
    }
}
