package io.streamlimit.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A duration flag's value ("30s", "500ms", "2m", "1.5h") as whole milliseconds. */
final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

    private Durations() {
    }

    /** The milliseconds, or -1 when {@code text} is not a positive number followed by ms, s, m or h. */
    static long millis(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return -1;
        }
        double unit = switch (m.group(2)) {
            case "ms" -> 1;
            case "s" -> 1_000;
            case "m" -> 60_000;
            default -> 3_600_000;
        };
        double millis = Double.parseDouble(m.group(1)) * unit;
        return millis >= 1 && millis <= Long.MAX_VALUE / 2 ? Math.round(millis) : -1;
    }
}
