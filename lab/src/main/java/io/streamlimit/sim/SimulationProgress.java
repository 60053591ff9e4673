package io.streamlimit.sim;

/**
 * Where a running simulation stands.
 *
 * @param virtualMillis virtual time since the first publish
 * @param published events the producer has sent so far
 * @param completed events with a successful downstream call so far
 * @param failed events in the dead-letter queue so far
 * @param total events the run will send
 * @param finished true on the last call
 */
public record SimulationProgress(long virtualMillis, long published, long completed, long failed, long total,
                                 boolean finished) {
}
