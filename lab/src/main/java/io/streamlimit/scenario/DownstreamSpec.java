package io.streamlimit.scenario;

/**
 * The rate-limited external service: each processed event is one call of {@code callMillis}.
 *
 * @param enforce false (the original experiments): calls over the limit are recorded and counted
 *     as seconds over it; true: they are refused with 429 and the event is retried
 */
public record DownstreamSpec(int ratePerSecond, int callMillis, boolean enforce) {
}
