package io.streamlimit.sim;

/**
 * Figures the simulator knows directly, for callers that want them without computing metrics
 * from the rows (the recommender, progress output). The metrics table itself is computed from the
 * rows by the metrics code, the same way for every mode.
 *
 * @param completed distinct events with a successful downstream call
 * @param failed events that ended in the dead-letter queue (or the on-failure destination)
 * @param unfinished events still in the pipeline when the run stopped at its virtual time limit
 * @param duplicates successful calls for an event that had already succeeded
 * @param timeTakenMillis first publish to last successful call's end (to the last event's end when none succeeded)
 * @param maxConcurrency most invocations running at once
 * @param secondsOverLimit calendar seconds with more calls started than the downstream's rate
 * @param refusedCalls calls the downstream refused (only with {@code enforce})
 * @param virtualEndMillis virtual time when the run ended
 * @param steps actions the scheduler ran, a measure of the simulation's work
 * @param orderViolations events applied (first successful call) after a later-arrived event of the
 *     same viewer: 0 on the FIFO pipeline, what a standard queue's concurrency costs in order
 */
public record SimulationStats(
        long totalEvents,
        long completed,
        long failed,
        long unfinished,
        long duplicates,
        long timeTakenMillis,
        int maxConcurrency,
        long invocations,
        long throttles,
        long redeliveries,
        long coldStarts,
        long timeouts,
        long wastedInvocations,
        long secondsOverLimit,
        long refusedCalls,
        long virtualEndMillis,
        long steps,
        long orderViolations) {

    /** Without the order check (figures from before it existed). */
    public SimulationStats(long totalEvents, long completed, long failed, long unfinished, long duplicates,
                           long timeTakenMillis, int maxConcurrency, long invocations, long throttles, long redeliveries,
                           long coldStarts, long timeouts, long wastedInvocations, long secondsOverLimit,
                           long refusedCalls, long virtualEndMillis, long steps) {
        this(totalEvents, completed, failed, unfinished, duplicates, timeTakenMillis, maxConcurrency, invocations,
                throttles, redeliveries, coldStarts, timeouts, wastedInvocations, secondsOverLimit, refusedCalls,
                virtualEndMillis, steps, 0);
    }

    /** True when every event completed and none was lost. */
    public boolean lossless() {
        return failed == 0 && unfinished == 0 && completed == totalEvents;
    }
}
