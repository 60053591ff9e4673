package io.streamlimit.calibration;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

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
        if (scenario.pipeline() == io.streamlimit.scenario.Pipeline.API_KINESIS_LAMBDA) {
            throw new io.streamlimit.scenario.ScenarioException("pipeline",
                    "api-kinesis-lambda cannot be calibrated: the real runs and their fitted parameters are SQS and async");
        }
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
        // The values that keep the fit within its tolerance (Calibration.tolerance()).
        double limit = Calibration.TOLERANCE_PER_TARGET * plan.targets().size();
        List<Identified> identified = new ArrayList<>();
        // A fit outside its tolerance has no range of values that keep it inside: none is given.
        for (Parameter parameter : Loss.of(real, after.mean(), plan.targets(), noise) <= limit ? plan.fitted()
                : List.<Parameter>of()) {
            identified.add(identify(parameter, outcome.best(), limit,
                    point -> Loss.of(real, evaluator.evaluate(point).mean(), plan.targets(), noise)));
        }
        return new Calibration(run, scenario, options, plan, noise, real, start, before, outcome.best(), after,
                identified, evaluator.points(), evaluator.simulations() + spreadEvaluator.simulations());
    }

    /** Steps probed on either side of the fit, on the parameter's unit interval: 1/64 doubling to 1. */
    private static final double[] PROBES = {1 / 64.0, 1 / 32.0, 1 / 16.0, 1 / 8.0, 1 / 4.0, 1 / 2.0, 1.0};

    /**
     * The values either side of the fit, the other parameters held, whose loss stays within
     * {@code limit}: outward in doubling steps until one is above it or the range ends.
     */
    static Identified identify(Parameter parameter, Point fit, double limit, ToDoubleFunction<Point> loss) {
        double centre = parameter.toUnit(fit.value(parameter));
        double[] ends = new double[2];
        boolean[] open = new boolean[2];
        for (int side = 0; side < 2; side++) {
            double sign = side == 0 ? -1 : 1;
            double inside = fit.value(parameter);
            open[side] = false;
            for (double probe : PROBES) {
                double u = Math.max(0, Math.min(1, centre + sign * probe));
                double value = parameter.fromUnit(u);
                if (loss.applyAsDouble(fit.with(parameter, value)) > limit) {
                    break;
                }
                inside = value;
                if (u == 0 || u == 1) {
                    open[side] = true;
                    break;
                }
            }
            ends[side] = inside;
        }
        return new Identified(parameter, ends[0], ends[1], open[0], open[1]);
    }
}
