package io.streamlimit.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The metrics of one scenario simulated with consecutive seeds: each metric's smallest, median and
 * largest value. A prediction comes with its spread: the model's own randomness (memoryless
 * retries, random async reads) moves the figures from seed to seed, and one seed can be a tail.
 *
 * <p>Every value is the metric's printed number ({@link Metric#number}), so a median or a range
 * reads with the same decimals as the metrics table; the median of an even count is the mean of
 * the middle two, rounded half up to those decimals. Rank on {@link #median(Metric)}, show
 * {@link #min(Metric)} to {@link #max(Metric)} beside it.
 *
 * @param firstSeed the seed of {@code runs.get(0)}; run i used seed {@code firstSeed + i}
 * @param runs one run's metrics per seed, in seed order; at least one
 */
public record SeedSpread(long firstSeed, List<RunMetrics> runs) {

    public SeedSpread {
        runs = List.copyOf(Objects.requireNonNull(runs, "runs"));
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a seed spread needs at least one run");
        }
    }

    public int seeds() {
        return runs.size();
    }

    public long lastSeed() {
        return firstSeed + runs.size() - 1;
    }

    /** The metric's value at each seed, in seed order, as printed. */
    public List<BigDecimal> values(Metric metric) {
        return runs.stream().map(run -> new BigDecimal(metric.number(run))).toList();
    }

    public BigDecimal min(Metric metric) {
        return sorted(metric)[0];
    }

    public BigDecimal max(Metric metric) {
        BigDecimal[] sorted = sorted(metric);
        return sorted[sorted.length - 1];
    }

    /** The middle value; with an even count, the mean of the middle two at the metric's decimals. */
    public BigDecimal median(Metric metric) {
        BigDecimal[] sorted = sorted(metric);
        int n = sorted.length;
        if (n % 2 == 1) {
            return sorted[n / 2];
        }
        int places = Math.max(sorted[n / 2 - 1].scale(), sorted[n / 2].scale());
        return sorted[n / 2 - 1].add(sorted[n / 2]).divide(BigDecimal.valueOf(2), places, RoundingMode.HALF_UP);
    }

    private BigDecimal[] sorted(Metric metric) {
        BigDecimal[] values = values(metric).toArray(BigDecimal[]::new);
        Arrays.sort(values);
        return values;
    }
}
