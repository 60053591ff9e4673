package io.streamlimit.local.lambda;

/**
 * How the emulator waits for a time a shared AWS rule decided (an invoke attempt, a handler's
 * start, an async read slot, a scaling tick), in the spirit of Bucket4j's {@code BlockingStrategy}:
 * one small seam, so a run can measure how late its waits ran ({@link WallClockWaiter}).
 */
public interface Waiter {

    /** Returns at {@code epochMillis} on the waiter's clock, or at once if that has passed; false (interrupt flag kept) if interrupted. */
    boolean until(long epochMillis);
}
