package io.streamlimit.calibration;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How much each target figure varies between seeds of the model: its standard deviation over
 * {@value #SEEDS} seeds of the starting behaviour, relative to its mean, and never taken below
 * {@value #FLOOR_PERCENT}% (a deterministic figure, as an unthrottled async run's, would otherwise
 * weigh infinitely, and no model matches a real figure more closely than that).
 *
 * <p>It weighs the loss's relative errors: a figure the model reproduces to 0.5% between seeds (a
 * throttled queue's shortest gaps) tells a parameter more precisely than one that wanders by 1%
 * (the run time), and an unweighted sum let the noise of the latter pull the invoke overhead 30%
 * off in the round-trip test.
 */
public record Noise(Map<Target, Double> relative) {

    /** Seeds the spread is measured over. */
    public static final int SEEDS = 10;
    static final double FLOOR_PERCENT = 0.5;

    public Noise {
        EnumMap<Target, Double> copy = new EnumMap<>(Target.class);
        copy.putAll(relative);
        relative = Collections.unmodifiableMap(copy);
    }

    /** The spread of each figure over these runs (the seeds of one point). */
    static Noise of(List<TargetValues> runs) {
        EnumMap<Target, Double> relative = new EnumMap<>(Target.class);
        TargetValues mean = TargetValues.mean(runs);
        for (Target target : Target.values()) {
            if (mean.has(target) && runs.size() > 1) {
                double sum = 0;
                for (TargetValues run : runs) {
                    sum += Math.pow(run.value(target) - mean.value(target), 2);
                }
                double sd = Math.sqrt(sum / (runs.size() - 1));
                relative.put(target, mean.value(target) == 0 ? 0 : sd / Math.abs(mean.value(target)));
            }
        }
        return new Noise(relative);
    }

    /** The figure's relative spread, at least the floor. */
    public double of(Target target) {
        return Math.max(FLOOR_PERCENT / 100, relative.getOrDefault(target, 0.0));
    }
}
