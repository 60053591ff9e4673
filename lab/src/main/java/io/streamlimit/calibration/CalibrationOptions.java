package io.streamlimit.calibration;

import java.util.stream.LongStream;

/**
 * How to calibrate.
 *
 * @param firstSeed the first simulator seed; points are simulated with {@code seeds} consecutive
 *     seeds from it, and the figures averaged, because single runs of a throttled pipeline differ
 *     by a few percent
 * @param seeds how many seeds per point, 1 or more
 */
public record CalibrationOptions(long firstSeed, int seeds) {

    public static final int DEFAULT_SEEDS = 3;

    public CalibrationOptions {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds: must be 1 or more, got " + seeds);
        }
    }

    public static CalibrationOptions seed(long firstSeed) {
        return new CalibrationOptions(firstSeed, DEFAULT_SEEDS);
    }

    long[] seedList() {
        return LongStream.range(firstSeed, firstSeed + seeds).toArray();
    }

    /** "seed 1" or "seeds 1 to 3", for output. */
    public String describe() {
        return seeds == 1 ? "seed " + firstSeed : "seeds " + firstSeed + " to " + (firstSeed + seeds - 1);
    }
}
