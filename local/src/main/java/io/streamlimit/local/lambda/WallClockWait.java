package io.streamlimit.local.lambda;

import java.time.Clock;

/**
 * The emulator's one way to wait for a time a shared AWS rule decided (an invoke attempt, a
 * handler's start, an async read slot): a sleep on the wall clock until then.
 */
final class WallClockWait {

    private WallClockWait() {
    }

    /** Sleeps until {@code epochMillis} on {@code clock}; false (interrupt flag kept) if interrupted. */
    static boolean until(Clock clock, long epochMillis) {
        long wait = epochMillis - clock.millis();
        if (wait <= 0) {
            return true;
        }
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
