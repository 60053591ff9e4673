package io.streamlimit.calibration;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.SimulationResult;
import io.streamlimit.sim.Simulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Simulates the scenario at a {@link Point} with each of the calibration's seeds. The same seeds
 * at every point (common random numbers), so that two points differ by their parameters and not
 * by their luck; results are cached, as the search revisits points.
 */
final class Evaluator {

    private final Scenario scenario;
    private final AwsBehaviour start;
    private final CalibrationOptions options;
    private final long published;
    private final Map<Point, Evaluation> cache = new HashMap<>();
    private int simulations;

    Evaluator(Scenario scenario, AwsBehaviour start, CalibrationOptions options) {
        this.scenario = scenario;
        this.start = start;
        this.options = options;
        this.published = scenario.events().total();
    }

    Evaluation evaluate(Point point) {
        Evaluation known = cache.get(point);
        if (known != null) {
            return known;
        }
        AwsBehaviour behaviour = point.applyTo(start);
        List<TargetValues> perSeed = new ArrayList<>();
        long throttles = 0;
        for (long seed : options.seedList()) {
            SimulationResult result = Simulator.run(scenario,
                    new SimulationOptions(seed, null, "calibrate-seed" + seed, behaviour));
            simulations++;
            throttles += result.stats().throttles();
            perSeed.add(TargetValues.of(result.runData().invocations(), published));
        }
        Evaluation evaluation = new Evaluation(point, perSeed, TargetValues.mean(perSeed), throttles);
        cache.put(point, evaluation);
        return evaluation;
    }

    /** Points evaluated so far. */
    int points() {
        return cache.size();
    }

    /** Simulations run so far. */
    int simulations() {
        return simulations;
    }
}
