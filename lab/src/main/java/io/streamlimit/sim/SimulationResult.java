package io.streamlimit.sim;

import io.streamlimit.results.RunData;

/**
 * A simulated run: the same rows and run record a local or AWS run stores (virtual timestamps
 * from {@link Simulator#EPOCH}), plus the simulator's own figures.
 */
public record SimulationResult(RunData runData, SimulationStats stats) {
}
