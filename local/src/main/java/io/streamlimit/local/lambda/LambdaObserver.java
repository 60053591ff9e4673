package io.streamlimit.local.lambda;

import java.time.Instant;

/** Hears what the emulated Lambda service does, for the run's records and progress. */
public interface LambdaObserver {

    LambdaObserver NONE = new LambdaObserver() {
    };

    default void coldStart(String environmentId, Instant at) {
    }

    /**
     * A new (or reset) environment started: {@code initMillis} is the init, or with SnapStart the
     * restore, that the rule made it wait ({@code FunctionScaling.coldStartMillis}).
     */
    default void coldStart(String environmentId, Instant at, long initMillis) {
        coldStart(environmentId, at);
    }

    default void throttled(Instant at, int batchSize) {
    }

    /** One invocation ran (successfully or not); {@code requestId} is the batch id the handler saw. */
    default void invoked(String requestId, String environmentId, Instant startedAt, long durationMillis, int batchSize) {
    }

    default void timedOut(String requestId, String environmentId, Instant at) {
    }

    /**
     * The invocation {@code requestId}, just reported by {@link #invoked}, ran on an environment
     * of the function's provisioned concurrency (billed at the provisioned duration price).
     */
    default void ranOnProvisioned(String requestId, long durationMillis) {
    }
}
