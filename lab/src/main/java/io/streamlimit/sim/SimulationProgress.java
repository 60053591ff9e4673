package io.streamlimit.sim;

/**
 * Where a running simulation stands.
 *
 * @param virtualMillis virtual time since the first publish
 * @param published events the producer has sent so far
 * @param completed events with a successful downstream call so far
 * @param failed events in the dead-letter queue so far
 * @param resolved events that have left the pipeline, each counted once: an event can both
 *     complete and reach the DLQ (a copy redelivered before its delete landed), so this is not
 *     {@code completed + failed}
 * @param total events the run will send
 * @param finished true on the last call
 */
public record SimulationProgress(long virtualMillis, long published, long completed, long failed, long resolved,
                                 long total,
                                 boolean finished) {
}
