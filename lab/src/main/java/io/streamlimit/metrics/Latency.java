package io.streamlimit.metrics;

import java.util.Arrays;

/**
 * How long events waited from publish to applied (their first successful downstream call's end), over the
 * events that were applied: nearest-rank quantiles in whole milliseconds. Events that never completed
 * have no row and so no publish time: they are not in it (the failed count shows them).
 * With no applied event, every quantile is 0.
 */
public record Latency(long p50Millis, long p95Millis, long p99Millis, long maxMillis) {

    public static final Latency NONE = new Latency(0, 0, 0, 0);

    public Latency {
        if (p50Millis < 0 || p50Millis > p95Millis || p95Millis > p99Millis || p99Millis > maxMillis) {
            throw new IllegalArgumentException("latency: quantiles must be non-negative and ordered, got p50 " + p50Millis + ", p95 " + p95Millis + ", p99 " + p99Millis + ", max " + maxMillis);
        }
    }

    /** The quantiles of {@code waitsMillis} (sorted in place). */
    static Latency of(long[] waitsMillis) {
        if (waitsMillis.length == 0) {
            return NONE;
        }
        Arrays.sort(waitsMillis);
        return new Latency(rank(waitsMillis, 50), rank(waitsMillis, 95), rank(waitsMillis, 99),
                waitsMillis[waitsMillis.length - 1]);
    }

    /** The nearest-rank percentile: the smallest value with at least {@code percent} % of the values at or below it. */
    private static long rank(long[] sorted, int percent) {
        long index = ((long) percent * sorted.length + 99) / 100 - 1;
        return sorted[(int) Math.max(0, index)];
    }
}
