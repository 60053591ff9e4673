package io.streamlimit.calibration;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.scenario.Scenario;

/**
 * Fits the fitted parameters of an {@link AwsBehaviour} to a real run: simulates the scenario
 * that describes the run, measures the same figures on both, and searches the parameters this run
 * can identify ({@link Planner}) for the least sum of squared relative errors, each in units of
 * the figure's spread between seeds ({@link Noise}, {@link Loss}, {@link Search}). Deterministic: the same inputs and seeds give the same fit.
 */
public final class Calibrator {

    private Calibrator() {
    }

    /**
     * @param scenario the configuration of the real run (its pipeline, reservation, queue, events)
     * @param start the behaviour to start from; what is not fitted stays as it is
     * @throws IllegalArgumentException when the rows cannot be the run the scenario describes
     */
    public static Calibration calibrate(Scenario scenario, AwsBehaviour start, ObservedRun run,
                                        CalibrationOptions options) {
        TargetValues real = run.targetValues(scenario.events().total());
        Evaluator evaluator = new Evaluator(scenario, start, options);
        Evaluator spreadEvaluator = new Evaluator(scenario, start,
                new CalibrationOptions(options.firstSeed(), Noise.SEEDS));
        Noise noise = Noise.of(spreadEvaluator.evaluate(Point.none()).perSeed());
        Evaluation before = evaluator.evaluate(Point.none());
        Plan plan = Planner.plan(scenario, real, before, noise, evaluator);

        Point startValues = Point.none();
        for (Parameter parameter : plan.fitted()) {
            startValues = startValues.with(parameter, parameter.valueIn(start));
        }
        Search.Outcome outcome = Search.minimise(plan.fitted(), startValues,
                point -> Loss.errors(real, evaluator.evaluate(point).mean(), plan.targets(), noise));
        Evaluation after = evaluator.evaluate(outcome.best());
        return new Calibration(run, scenario, options, plan, noise, real, start, before, outcome.best(), after,
                evaluator.points(), evaluator.simulations() + spreadEvaluator.simulations());
    }
}
