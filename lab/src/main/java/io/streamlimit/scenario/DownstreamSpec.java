package io.streamlimit.scenario;

import io.streamlimit.aws.AwsBehaviour;

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
        checkCall(callMillis, AwsBehaviour.current());
    }

    /**
     * Checks the call against the longest invocation {@code aws} allows.
     *
     * @return this downstream
     */
    public DownstreamSpec validate(AwsBehaviour aws) {
        checkCall(callMillis, aws);
        return this;
    }

    private static void checkCall(int callMillis, AwsBehaviour aws) {
        // A call can last at most as long as the longest Lambda invocation.
        Checks.range("downstream.callMillis", callMillis, 0, aws.maxFunctionTimeoutSeconds() * 1_000);
    }
}
