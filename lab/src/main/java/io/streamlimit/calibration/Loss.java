package io.streamlimit.calibration;

import java.util.List;

/**
 * How far simulated figures are from the real ones: the sum over the targets of the squared
 * relative error, each in units of that figure's own spread between seeds ({@link Noise}).
 * Relative, so that seconds of run time and milliseconds of gap compare; in units of the spread,
 * so that a figure the model reproduces tightly counts a miss for more than one that varies from
 * seed to seed anyway. A figure the simulation lacks (too few events started) counts as 100% off.
 */
public final class Loss {

    private Loss() {
    }

    public static double of(TargetValues real, TargetValues simulated, List<Target> targets, Noise noise) {
        double sum = 0;
        for (double error : errors(real, simulated, targets, noise)) {
            sum += error * error;
        }
        return sum;
    }

    /** Each target's relative error in units of its spread: the terms whose squares the loss sums. */
    static double[] errors(TargetValues real, TargetValues simulated, List<Target> targets, Noise noise) {
        double[] errors = new double[targets.size()];
        for (int i = 0; i < errors.length; i++) {
            Target target = targets.get(i);
            Double error = relativeError(real, simulated, target);
            errors[i] = (error == null ? 1.0 : error) / noise.of(target);
        }
        return errors;
    }

    /** (simulated - real) / real, or null when either lacks the figure or the real one is 0. */
    public static Double relativeError(TargetValues real, TargetValues simulated, Target target) {
        Double r = real.value(target);
        Double s = simulated.value(target);
        if (r == null || s == null || r == 0) {
            return null;
        }
        return (s - r) / Math.abs(r);
    }
}
