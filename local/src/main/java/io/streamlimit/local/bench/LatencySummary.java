package io.streamlimit.local.bench;

import java.util.Arrays;

/**
 * Latency percentiles of one measurement, in milliseconds (nearest-rank percentiles over every
 * sample, no histogram buckets).
 */
public record LatencySummary(int samples, double p50Millis, double p99Millis, double maxMillis) {

    public static final LatencySummary NONE = new LatencySummary(0, 0, 0, 0);

    /** Summarises latencies given in nanoseconds; the array is sorted in place. */
    public static LatencySummary ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return NONE;
        }
        Arrays.sort(nanos);
        return new LatencySummary(nanos.length, millis(percentile(nanos, 0.50)), millis(percentile(nanos, 0.99)),
                millis(nanos[nanos.length - 1]));
    }

    /** The nearest-rank percentile of sorted values: the smallest value with at least {@code p} of them at or below it. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
