package io.streamlimit.report;

/**
 * Shrinks a per-second series to at most a given number of points, each the maximum of its
 * bucket of seconds: peaks (a second over the limit, a burst of throttles) stay visible however
 * long the run, which averaging would hide.
 */
final class Downsampler {

    private Downsampler() {
    }

    /** Seconds per point so that {@code length} seconds fit in {@code maxPoints} points. */
    static int bucketSeconds(int length, int maxPoints) {
        return Math.max(1, (length + maxPoints - 1) / maxPoints);
    }

    static long[] maxPerBucket(long[] values, int bucketSeconds) {
        long[] points = new long[(values.length + bucketSeconds - 1) / bucketSeconds];
        for (int i = 0; i < values.length; i++) {
            int point = i / bucketSeconds;
            points[point] = Math.max(points[point], values[i]);
        }
        return points;
    }
}
