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
        return simulateWithStats(scenario, first, seeds).spread();
    }

    /** The seeds' metrics with each seed's simulator figures (order violations among them), seed by seed. */
    public record Runs(SeedSpread spread, List<SimulationStats> stats) {

        /** Each seed's order violations, in seed order, for a line under the table. */
        public String orderViolationsLine() {
            return "Order violations (events applied after a later-arrived event of their viewer), seed by seed: "
                    + String.join(", ", stats.stream().map(s -> Long.toString(s.orderViolations())).toList());
        }
    }

    /** As {@link #simulate}, keeping each seed's {@link SimulationStats}. */
    public static Runs simulateWithStats(Scenario scenario, SimulationOptions first, int seeds) {
        if (seeds < 1 || seeds > MAX_SEEDS) {
            throw new IllegalArgumentException("seeds must be 1 to " + MAX_SEEDS + ", got " + seeds);
        }
        MetricsCalculator calculator = new MetricsCalculator();
        List<RunMetrics> runs = new ArrayList<>();
        List<SimulationStats> stats = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            SimulationOptions options = new SimulationOptions(first.seed() + i, first.eventsOverride(), null,
                    first.behaviour());
            SimulationResult result = Simulator.run(scenario, options);
            runs.add(calculator.compute(result.runData()));
            stats.add(result.stats());
        }
        return new Runs(new SeedSpread(first.seed(), runs), List.copyOf(stats));
    }
}
