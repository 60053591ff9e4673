package io.streamlimit.fidelity;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.SimulationResult;
import io.streamlimit.sim.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Measures the simulator against reality: simulates each case's scenario and compares its
 * figures with the real run's. A measurement, not a test: figures outside their bands are
 * reported, never thrown.
 */
public final class Fidelity {

    private final List<FidelityCase> cases;
    private final Function<FidelityCase, AwsBehaviour> behaviours;

    /**
     * @param behaviours the AWS behaviour to simulate each case with (normally {@link CaseBehaviour#of});
     *     another one measures a candidate calibration
     */
    public Fidelity(List<FidelityCase> cases, Function<FidelityCase, AwsBehaviour> behaviours) {
        this.cases = List.copyOf(cases);
        this.behaviours = Objects.requireNonNull(behaviours, "behaviours");
    }

    /** The standard cases, each simulated with its own profile. */
    public static Fidelity standard() {
        return new Fidelity(FidelityCases.standard(), CaseBehaviour::of);
    }

    public List<FidelityCase> cases() {
        return cases;
    }

    /** Simulates every case with {@code seed} and compares. */
    public FidelityReport measure(long seed) {
        List<CaseReport> reports = new ArrayList<>();
        for (FidelityCase fidelityCase : cases) {
            reports.add(measure(fidelityCase, seed));
        }
        return new FidelityReport(seed, reports);
    }

    /**
     * Simulates every case with each of {@code seeds} consecutive seeds from {@code firstSeed}: how
     * often each figure lands inside its band, not only whether it does at one seed.
     */
    public FidelitySpread measure(long firstSeed, int seeds) {
        if (seeds < 1) {
            throw new IllegalArgumentException("seeds must be 1 or more, got " + seeds);
        }
        List<FidelityReport> reports = new ArrayList<>();
        for (long seed = firstSeed; seed < firstSeed + seeds; seed++) {
            reports.add(measure(seed));
        }
        return FidelitySpread.of(reports);
    }

    /** Simulates one case with {@code seed} and compares. */
    public CaseReport measure(FidelityCase fidelityCase, long seed) {
        String runId = "fidelity-" + fidelityCase.name() + "-seed" + seed;
        SimulationResult result = Simulator.run(fidelityCase.scenario(),
                new SimulationOptions(seed, null, runId, behaviours.apply(fidelityCase)));
        return compare(fidelityCase, FigureCalculator.ofRun(result.runData()));
    }

    /** Compares a case's real figures with figures from elsewhere (a simulation, another run). */
    public static CaseReport compare(FidelityCase fidelityCase, RunFigures simulated) {
        List<FigureComparison> figures = new ArrayList<>();
        for (FigureCheck check : fidelityCase.checks()) {
            figures.add(new FigureComparison(check.figure(), fidelityCase.real().value(check.figure()),
                    simulated.value(check.figure()), check.band()));
        }
        return new CaseReport(fidelityCase.name(), fidelityCase.scenario().name(), fidelityCase.realSource(),
                fidelityCase.awsProfile(), figures);
    }
}
