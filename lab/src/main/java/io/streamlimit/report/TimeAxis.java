package io.streamlimit.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A time axis in one unit, chosen by its span (seconds up to 20 minutes, minutes up to 3 hours,
 * hours beyond), with ticks on round steps of that unit: the labels never mix units.
 */
record TimeAxis(long spanSeconds, long secondsPerUnit, long stepSeconds, String title) {

    private static final long MINUTES_FROM = 1_200;
    private static final long HOURS_FROM = 3 * 3_600;

    /** An axis over [0, spanSeconds] with at most about {@code maxTicks} intervals. */
    static TimeAxis of(long spanSeconds, int maxTicks) {
        long span = Math.max(1, spanSeconds);
        long unit = span < MINUTES_FROM ? 1 : span < HOURS_FROM ? 60 : 3_600;
        String title = (unit == 1 ? "seconds" : unit == 60 ? "minutes" : "hours") + " since the first event";
        long spanInUnits = (span + unit - 1) / unit;
        return new TimeAxis(span, unit, Ticks.niceStep(spanInUnits, maxTicks) * unit, title);
    }

    /** The ticks' positions in seconds, from 0 to the span. */
    List<Long> ticks() {
        List<Long> ticks = new ArrayList<>();
        for (long s = 0; s <= spanSeconds; s += stepSeconds) {
            ticks.add(s);
        }
        return ticks;
    }

    /** A tick's text: its position as a whole number of the axis's unit. */
    String label(long seconds) {
        return Long.toString(seconds / secondsPerUnit);
    }
}
