package io.streamlimit.cli;

import io.streamlimit.results.SaveProgress;
import java.io.PrintWriter;

/** Prints a save's progress on standard error: a line a second at most, and one at the end. */
final class SaveProgressLine implements SaveProgress {

    private static final long EVERY_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private final long startedAt = System.nanoTime();
    private long lastPrinted = startedAt;

    SaveProgressLine(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void saved(long saved, long total) {
        long now = System.nanoTime();
        boolean done = saved >= total;
        if (!done && now - lastPrinted < EVERY_NANOS) {
            return;
        }
        lastPrinted = now;
        err.printf("saving rows: %,d of %,d (%d%%)%s%n", saved, total, total == 0 ? 100 : saved * 100 / total,
                done ? String.format(", done in %.1f s", (now - startedAt) / 1e9) : "");
        err.flush();
    }
}
