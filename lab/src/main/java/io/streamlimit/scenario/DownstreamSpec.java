package io.streamlimit.scenario;

/**
 * The rate-limited external service: each processed event is one call of {@code callMillis}.
 *
 * @param enforce false (the default, as in the original experiments): calls over the limit are
 *     recorded and counted as seconds over it; true: they are refused with 429 and the event is
 *     retried by the pipeline
 */
public record DownstreamSpec(int ratePerSecond, int callMillis, boolean enforce) {

    /** Default for the key a scenario file may omit. */
    public static final boolean DEFAULT_ENFORCE = false;

    public DownstreamSpec {
        Checks.range("downstream.ratePerSecond", ratePerSecond, 1, 1_000_000);
        // A call can last at most as long as the longest Lambda invocation.
        Checks.range("downstream.callMillis", callMillis, 0, ConsumerSpec.MAX_TIMEOUT_SECONDS * 1_000);
    }
}
