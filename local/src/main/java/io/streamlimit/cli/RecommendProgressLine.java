package io.streamlimit.cli;

import io.streamlimit.recommend.RecommendProgress;
import java.io.PrintWriter;

/** Prints the recommender's progress on standard error: a line a second at most, and each round's end. */
final class RecommendProgressLine implements RecommendProgress {

    private static final long EVERY_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private final long startedAt = System.nanoTime();
    private long lastPrinted = startedAt;

    RecommendProgressLine(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void simulated(int done, int total, int stoppedEarly) {
        long now = System.nanoTime();
        if (done < total && now - lastPrinted < EVERY_NANOS) {
            return;
        }
        lastPrinted = now;
        err.printf("simulated %d of %d candidates (%d stopped early: lost an event or went over the limit) | %.1f s%n",
                done, total, stoppedEarly, (now - startedAt) / 1e9);
        err.flush();
    }
}
