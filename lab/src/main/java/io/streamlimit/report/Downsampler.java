package io.streamlimit.report;

/**
 * Shrinks a per-second series to at most a given number of points, each a bucket of seconds: the
 * charts draw each bucket's mean as the line and its peak as a band behind it, so a long run reads
 * at its true level (a day's 0.2/s base is not drawn as 1/s) while a peak (a second over the limit,
 * a burst of throttles) stays visible however long the run.
 */
final class Downsampler {

    private Downsampler() {
    }

    /** Seconds per point so that {@code length} seconds fit in {@code maxPoints} points. */
    static int bucketSeconds(int length, int maxPoints) {
        return Math.max(1, (length + maxPoints - 1) / maxPoints);
    }

    static double[] maxPerBucket(double[] values, int bucketSeconds) {
        double[] points = new double[(values.length + bucketSeconds - 1) / bucketSeconds];
        for (int i = 0; i < values.length; i++) {
            int point = i / bucketSeconds;
            points[point] = Math.max(points[point], values[i]);
        }
        return points;
    }

    /** Each bucket's mean over the seconds it holds (the last bucket may hold fewer). */
    static double[] meanPerBucket(double[] values, int bucketSeconds) {
        double[] points = new double[(values.length + bucketSeconds - 1) / bucketSeconds];
        for (int i = 0; i < values.length; i++) {
            points[i / bucketSeconds] += values[i];
        }
        for (int p = 0; p < points.length; p++) {
            int seconds = Math.min(bucketSeconds, values.length - p * bucketSeconds);
            points[p] /= seconds;
        }
        return points;
    }

    static double[] toDoubles(long[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
