package io.streamlimit.cli;

import io.streamlimit.local.run.RunProgress;
import java.io.PrintWriter;

/**
 * Draws a run's progress on standard error: one redrawn line on a terminal, a line every few
 * seconds otherwise (so logs stay readable in CI).
 */
final class ProgressBar implements RunProgress {

    private static final int WIDTH = 30;
    private static final long LOG_EVERY_MILLIS = 5_000;

    private final PrintWriter err;
    private final boolean terminal;
    private long lastLogged = -LOG_EVERY_MILLIS;

    ProgressBar(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void update(Snapshot s) {
        long elapsed = s.elapsed().toMillis();
        if (!terminal && elapsed - lastLogged < LOG_EVERY_MILLIS) {
            return;
        }
        lastLogged = elapsed;
        int done = s.completed() + s.deadLettered();
        // An event can both complete and reach the DLQ (a Kinesis batch given up after some of its
        // records were applied, an SQS copy redelivered before its delete landed): never past full.
        int filled = s.total() == 0 ? WIDTH : (int) Math.min(WIDTH, (long) WIDTH * done / s.total());
        String line = String.format("[%s%s] %d/%d done (%d completed, %d in DLQ) | published %d | busy %d | throttles %d | %ds",
                "#".repeat(filled), " ".repeat(WIDTH - filled), done, s.total(), s.completed(), s.deadLettered(),
                s.published(), s.busyInstances(), s.throttles(), elapsed / 1000);
        err.print(terminal ? "\r" + line : line + System.lineSeparator());
        err.flush();
    }

    /** Ends the redrawn line so what follows starts on its own. */
    void finish() {
        if (terminal) {
            err.println();
            err.flush();
        }
    }
}
