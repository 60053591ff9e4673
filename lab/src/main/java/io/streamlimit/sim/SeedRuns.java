package io.streamlimit.sim;

import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.metrics.SeedSpread;
import io.streamlimit.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/** One scenario simulated with consecutive seeds, summarised as a {@link SeedSpread}. */
public final class SeedRuns {

    /** As many seeds as {@code fidelity --seeds} allows: a hundred 1,000-event runs take seconds. */
    public static final int MAX_SEEDS = 100;

    private SeedRuns() {
    }

    /**
     * Simulates {@code scenario} with seeds {@code first.seed()} to {@code first.seed() + seeds - 1},
     * each otherwise as {@code first} says (events, behaviour); the run ids are the simulator's own
     * per seed.
     */
    public static SeedSpread simulate(Scenario scenario, SimulationOptions first, int seeds) {
        if (seeds < 1 || seeds > MAX_SEEDS) {
            throw new IllegalArgumentException("seeds must be 1 to " + MAX_SEEDS + ", got " + seeds);
        }
        MetricsCalculator calculator = new MetricsCalculator();
        List<RunMetrics> runs = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            SimulationOptions options = new SimulationOptions(first.seed() + i, first.eventsOverride(), null,
                    first.behaviour());
            runs.add(calculator.compute(Simulator.run(scenario, options).runData()));
        }
        return new SeedSpread(first.seed(), runs);
    }
}
