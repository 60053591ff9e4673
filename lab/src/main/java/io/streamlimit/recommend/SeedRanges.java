package io.streamlimit.recommend;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A candidate's ranked figures over the seeds it was simulated with: the smallest and largest
 * value of each, shown beside the medians it was ranked on.
 *
 * @param firstSeed the first seed; the runs used {@code firstSeed} to {@code firstSeed + seeds - 1}
 * @param seeds how many seeds
 */
public record SeedRanges(long firstSeed, int seeds, Range timeTakenMillis, Range p99Millis, Range lost,
                         Range secondsOverLimit, Range costUsd) {

    /** The smallest and largest value of one figure. */
    public record Range(double min, double max) {
    }

    public long lastSeed() {
        return firstSeed + seeds - 1;
    }

    /** The ranges of {@code runs}, one per seed in seed order. */
    static SeedRanges of(long firstSeed, List<Simulated> runs) {
        return new SeedRanges(firstSeed, runs.size(), range(runs, Simulated::timeTakenMillis),
                range(runs, Simulated::p99Millis), range(runs, Simulated::lost),
                range(runs, s -> s.stats().secondsOverLimit()), range(runs, Simulated::costUsd));
    }

    private static Range range(List<Simulated> runs, ToDoubleFunction<Simulated> figure) {
        double[] values = runs.stream().mapToDouble(figure).toArray();
        return new Range(Arrays.stream(values).min().orElseThrow(), Arrays.stream(values).max().orElseThrow());
    }
}
