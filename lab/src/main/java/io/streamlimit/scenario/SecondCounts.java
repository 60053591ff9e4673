package io.streamlimit.scenario;

import java.util.Arrays;

/**
 * Events released in each second of a traffic pattern, from second 0. Within a second they are
 * spread evenly; {@link #releaseMillis} finds an event's time by binary search over running sums.
 */
public final class SecondCounts {

    private final int[] counts;
    private final long[] before; // before[s]: events released before second s

    public SecondCounts(int[] counts) {
        this.counts = counts.clone();
        this.before = new long[counts.length + 1];
        for (int s = 0; s < counts.length; s++) {
            before[s + 1] = before[s] + counts[s];
        }
    }

    public long total() {
        return before[counts.length];
    }

    public int seconds() {
        return counts.length;
    }

    public int at(int second) {
        return counts[second];
    }

    /** When event {@code id} (0-based, in release order) is released, in milliseconds from the start. */
    public long releaseMillis(long id) {
        int lo = 0;
        int hi = counts.length - 1;
        while (lo < hi) { // the last second s with before[s] <= id
            int mid = (lo + hi + 1) >>> 1;
            if (before[mid] <= id) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        long inSecond = id - before[lo];
        return lo * 1_000L + inSecond * 1_000L / Math.max(1, counts[lo]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecondCounts that && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return total() + " events over " + counts.length + " s";
    }
}
