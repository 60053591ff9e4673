package io.streamlimit.aws;

import java.time.Duration;

/**
 * The AWS behaviours the local emulator and the simulator both reproduce, each with its source.
 * Check a figure in the AWS documentation before changing it.
 *
 * <p>Defaults are {@link #CURRENT}; tests and what-if runs may build variants (for example
 * {@link #withLegacyPollerScaling()} for the pre-2024 scaling rate).
 */
public record AwsBehaviour(
        // --- SQS event source mapping (standard queue) ---
        // Lambda developer guide, "Using Lambda with Amazon SQS" / "Configuring scaling behavior":
        // pollers long-poll with WaitTimeSeconds 20.
        Duration longPollWait,
        // Same page: with messages waiting the mapping starts with 5 concurrent batches...
        int initialConcurrentBatches,
        // ...and adds up to 300 per minute (60 per minute before the 2023-24 scaling change)...
        int concurrentBatchesAddedPerMinute,
        // ...up to 1,000 concurrent batches (some AWS pages say 1,250).
        int maxConcurrentBatches,
        // When traffic drops the mapping scales back towards its floor (as low as 2).
        int minConcurrentBatches,
        // ScalingConfig.MaximumConcurrency: 2 to 1,000 (since January 2023); 1 is not allowed.
        int minMaximumConcurrency,
        int maxMaximumConcurrency,
        // A throttled invoke is retried by the mapping with backoff until the visibility timeout
        // runs out; these bound the backoff between retries.
        Duration throttleRetryInitialBackoff,
        Duration throttleRetryMaxBackoff,

        // --- Lambda ---
        // Lambda quotas: 1,000 concurrent executions per account by default, 100 always unreserved.
        int accountConcurrency,
        int unreservedMinimum,
        // Since November 2023 each function scales by up to 1,000 environments every 10 seconds.
        int environmentsAddedPerWindow,
        Duration scalingWindow,
        // A cold start: the new environment's init before the first invocation (typical Java,
        // 512 MB, no SnapStart; an assumption, not an AWS figure).
        Duration coldStart,
        // Asynchronous invocation: on a function error, 2 retries about 1 and 2 minutes later.
        int asyncErrorRetries,
        Duration asyncFirstErrorRetryDelay,
        Duration asyncSecondErrorRetryDelay,
        // On a throttle: retries with backoff from 1 s up to 5 minutes...
        Duration asyncThrottleInitialBackoff,
        Duration asyncThrottleMaxBackoff,
        // ...for up to MaximumEventAgeInSeconds (6 hours by default), then the on-failure destination.
        Duration asyncMaximumEventAge,

        // --- SQS ---
        // SQS developer guide: visibility timeout 0 s to 12 h (default 30 s); at most 10 messages
        // per receive or batch send; maxReceiveCount 1 to 1,000.
        Duration maxVisibilityTimeout,
        int maxMessagesPerReceive,
        int minMaxReceiveCount,
        int maxMaxReceiveCount,
        // Lambda event source mapping: batch size 1 to 10 without a batching window (10,000 with
        // one); batching window 0 to 300 s.
        int maxBatchSizeWithoutWindow,
        int maxBatchWindowSeconds,
        // AWS guidance: visibility timeout >= 6 x function timeout + batching window;
        // maxReceiveCount >= 5.
        int recommendedVisibilityToTimeoutRatio,
        int recommendedMinMaxReceiveCount,
        // --- calibrated model (temporary positional form; see the builder) ---
        Duration mappingScalingTick,
        double mappingBatchesRemovedPerThrottle,
        double mappingBatchesRemovedPerError,
        Duration heldBatchRetryMeanInterval,
        Duration invokeOverhead,
        double asyncDeliveryRatePerSecond,
        double asyncRetryJitter,
        int environmentBurst) {

    /** The behaviour as documented in late 2025. */
    public static final AwsBehaviour CURRENT = new AwsBehaviour(
            Duration.ofSeconds(20),
            5,
            300,
            1_000,
            2,
            2,
            1_000,
            Duration.ofMillis(100),
            Duration.ofSeconds(1),
            1_000,
            100,
            1_000,
            Duration.ofSeconds(10),
            Duration.ofMillis(400),
            2,
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofSeconds(1),
            Duration.ofMinutes(5),
            Duration.ofHours(6),
            Duration.ofHours(12),
            10,
            1,
            1_000,
            10,
            300,
            6,
            5,
            Duration.ofSeconds(1), 0.5, 0.5, Duration.ofSeconds(5), Duration.ofMillis(50), 16.6, 1.0, 1_000);

    /** The event source mapping's scaling before the 2023-24 change: 60 batches added per minute. */
    public AwsBehaviour withLegacyPollerScaling() {
        return new AwsBehaviour(longPollWait, initialConcurrentBatches, 60, maxConcurrentBatches,
                minConcurrentBatches, minMaximumConcurrency, maxMaximumConcurrency,
                throttleRetryInitialBackoff, throttleRetryMaxBackoff, accountConcurrency,
                unreservedMinimum, environmentsAddedPerWindow, scalingWindow, coldStart,
                asyncErrorRetries, asyncFirstErrorRetryDelay, asyncSecondErrorRetryDelay,
                asyncThrottleInitialBackoff, asyncThrottleMaxBackoff, asyncMaximumEventAge,
                maxVisibilityTimeout, maxMessagesPerReceive, minMaxReceiveCount, maxMaxReceiveCount,
                maxBatchSizeWithoutWindow, maxBatchWindowSeconds, recommendedVisibilityToTimeoutRatio,
                recommendedMinMaxReceiveCount, mappingScalingTick, mappingBatchesRemovedPerThrottle,
                mappingBatchesRemovedPerError, heldBatchRetryMeanInterval, invokeOverhead,
                asyncDeliveryRatePerSecond, asyncRetryJitter, environmentBurst);
    }

    /** Concurrency a function without a reservation can use: the account's pool less the floor kept free. */
    public int unreservedConcurrency() {
        return accountConcurrency - unreservedMinimum;
    }
}
