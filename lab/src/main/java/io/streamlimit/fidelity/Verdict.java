package io.streamlimit.fidelity;

/** How a simulated figure fares against its band. */
public enum Verdict {
    /** Within its band. */
    PASS,
    /** Outside its band, or the simulation lacks the figure. */
    FAIL,
    /** Shown for calibration, not judged. */
    SHOWN
}
