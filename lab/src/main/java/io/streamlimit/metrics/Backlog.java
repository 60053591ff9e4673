package io.streamlimit.metrics;

import java.util.Arrays;

/**
 * Events waiting (published, not yet applied) second by second: for each second of the run, the most
 * waiting at any instant within it, index 0 being the run's first second (its first publish). Like
 * {@link Latency}, it counts the events that were applied; one that never completed has no publish time.
 *
 * @param max the most events waiting at once
 */
public record Backlog(long max, long[] perSecond) {

    public static final Backlog NONE = new Backlog(0, new long[0]);

    public Backlog {
        perSecond = perSecond.clone();
    }

    /** The series from a run's per-second view. */
    static Backlog of(PerSecondSeries series) {
        long[] waiting = series.backlog();
        return new Backlog(Arrays.stream(waiting).max().orElse(0), waiting);
    }

    @Override
    public long[] perSecond() {
        return perSecond.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Backlog b && b.max == max && Arrays.equals(b.perSecond, perSecond);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(max) * 31 + Arrays.hashCode(perSecond);
    }

    @Override
    public String toString() {
        return "Backlog[max=" + max + ", seconds=" + perSecond.length + "]";
    }
}
