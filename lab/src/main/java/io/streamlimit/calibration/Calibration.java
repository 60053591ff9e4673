package io.streamlimit.calibration;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.scenario.Scenario;

/**
 * A finished calibration: what was fitted to which run, the figures real, before (the starting
 * behaviour) and after (the fitted one), the parameters' starting and fitted values.
 *
 * @param noise each target figure's spread between seeds, which weighs its error in the loss
 * @param start the starting behaviour
 * @param fitted the fitted parameters' values; every other field is the starting behaviour's
 * @param points parameter points simulated (each with every seed)
 * @param simulations simulations run in all
 */
public record Calibration(
        ObservedRun run,
        Scenario scenario,
        CalibrationOptions options,
        Plan plan,
        Noise noise,
        TargetValues real,
        AwsBehaviour start,
        Evaluation before,
        Point fitted,
        Evaluation after,
        int points,
        int simulations) {

    /** The fitted behaviour: the starting one with the fitted values. */
    public AwsBehaviour fittedBehaviour() {
        return fitted.applyTo(start);
    }

    /** The loss of the starting behaviour. */
    public double lossBefore() {
        return Loss.of(real, before.mean(), plan.targets(), noise);
    }

    /** The loss of the fitted behaviour. */
    public double lossAfter() {
        return Loss.of(real, after.mean(), plan.targets(), noise);
    }
}
