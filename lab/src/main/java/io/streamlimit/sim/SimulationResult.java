package io.streamlimit.sim;

import io.streamlimit.results.RunData;

/**
 * A simulated run: the same rows and run record a local or AWS run stores (virtual timestamps
 * from {@link Simulator#EPOCH}), plus the simulator's own figures. {@code stoppedEarly}: the run
 * was stopped at its first lost event or second over the limit, as asked, so its figures are partial.
 */
public record SimulationResult(RunData runData, SimulationStats stats, boolean stoppedEarly) {

    public SimulationResult(RunData runData, SimulationStats stats) {
        this(runData, stats, false);
    }
}
