package io.streamlimit.sim;

/**
 * Observes a simulation as it runs (a progress bar, a log line). Called from the simulating
 * thread about once per virtual minute and once at the end; it cannot change the run.
 */
@FunctionalInterface
public interface SimulationListener {

    SimulationListener NONE = progress -> { };

    void progress(SimulationProgress progress);
}
