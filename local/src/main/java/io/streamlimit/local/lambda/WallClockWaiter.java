package io.streamlimit.local.lambda;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The emulator's waiter: sleeps on the wall clock until the time a rule decided and records how
 * late each wait ran: when it returned, less the time asked for (or, for a time already past,
 * less the moment it was asked, so a rule that names a past time, such as a visibility deadline
 * a late first attempt overran, is not counted as the emulator's delay). An emulator that keeps
 * up wakes within a few milliseconds; one that falls behind the wall clock (a loaded machine,
 * starved threads) runs the model late, and its run no longer shows what the rules say.
 * Thread-safe.
 */
public final class WallClockWaiter implements Waiter {

    /** How late the waits of a run were, in milliseconds. */
    public record Lateness(long waits, long median, long p99, long max) {

        @Override
        public String toString() {
            return waits + " waits, late by median " + median + " ms, p99 " + p99 + " ms, max " + max + " ms";
        }
    }

    private final Clock clock;
    private final List<Long> late = new ArrayList<>();

    public WallClockWaiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean until(long epochMillis) {
        long asked = clock.millis();
        long due = Math.max(epochMillis, asked);
        long wait = epochMillis - asked;
        try {
            if (wait > 0) {
                Thread.sleep(wait);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (!Thread.currentThread().isInterrupted()) {
                record(clock.millis() - due);
            }
        }
    }

    private synchronized void record(long lateMillis) {
        late.add(Math.max(0, lateMillis));
    }

    /** The waits so far. */
    public synchronized Lateness lateness() {
        long[] sorted = late.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new Lateness(0, 0, 0, 0);
        }
        return new Lateness(sorted.length, sorted[(sorted.length - 1) / 2],
                sorted[(int) Math.ceil(0.99 * sorted.length) - 1], sorted[sorted.length - 1]);
    }
}
