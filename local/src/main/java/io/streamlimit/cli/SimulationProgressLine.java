package io.streamlimit.cli;

import io.streamlimit.sim.SimulationListener;
import io.streamlimit.sim.SimulationProgress;
import java.io.PrintWriter;

/**
 * A long simulation's progress on standard error: one line redrawn in place on a terminal, and
 * otherwise (a log, CI) a line at each tenth of the events and one at the end.
 */
final class SimulationProgressLine implements SimulationListener {

    /** Below this many events a simulation takes about a second: only the last line is printed. */
    static final long QUIET_BELOW = 100_000;
    private static final int STEPS = 10;

    private final PrintWriter err;
    private final boolean terminal;
    private long nextStep = 1;

    SimulationProgressLine(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void progress(SimulationProgress p) {
        if (!p.finished() && p.total() < QUIET_BELOW) {
            return;
        }
        String line = String.format("simulated %,d of %,d events (%,d s of virtual time)%s", p.resolved(),
                p.total(), p.virtualMillis() / 1000, p.finished() ? ", done" : "");
        if (terminal) {
            err.print("\r" + line + (p.finished() ? System.lineSeparator() : ""));
        } else if (p.finished() || p.resolved() * STEPS >= nextStep * p.total()) {
            nextStep = p.total() == 0 ? STEPS : p.resolved() * STEPS / p.total() + 1;
            err.println(line);
        }
        err.flush();
    }
}
