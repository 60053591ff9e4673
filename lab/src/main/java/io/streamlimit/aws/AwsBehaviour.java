package io.streamlimit.aws;

import java.time.Duration;

/**
 * The AWS behaviours and limits the local emulator, the simulator and the scenario checks all
 * reproduce. {@link CurrentAws} holds today's values, each with its source and whether it is
 * documented, fitted to the real runs (docs/FIDELITY.md), or an assumption. Variants are built
 * with {@code current().toBuilder()...build()} or named in {@link AwsProfiles}.
 *
 * <p>Every field is a key of a profile file ({@link AwsProfileFile}), so a new field needs an
 * {@link AwsBehaviourBuilder} setter of the same name and type. The canonical constructor checks each value and names
 * the field that is wrong.
 */
public record AwsBehaviour(
        // --- SQS event source mapping (standard queue) ---
        Duration longPollWait,
        int initialConcurrentBatches,
        int concurrentBatchesAddedPerMinute,
        int maxConcurrentBatches,
        int minConcurrentBatches,
        int minMaximumConcurrency,
        int maxMaximumConcurrency,
        Duration mappingScalingTick,
        double mappingBatchesRemovedPerThrottle,
        double mappingBatchesRemovedPerError,
        Duration heldBatchRetryMeanInterval,
        int maxBatchSizeWithoutWindow,
        int maxBatchSizeWithWindow,
        int maxBatchWindowSeconds,
        int recommendedVisibilityToTimeoutRatio,
        int recommendedMinMaxReceiveCount,

        // --- SQS event source mapping, provisioned mode (ProvisionedPollerConfig) ---
        int minMinimumPollers,
        int maxMinimumPollers,
        int minMaximumPollers,
        int maxMaximumPollers,
        int concurrentInvokesPerPoller,
        int provisionedConcurrentInvokesAddedPerMinute,

        // --- Lambda ---
        int accountConcurrency,
        int unreservedMinimum,
        int environmentBurst,
        int environmentsAddedPerWindow,
        Duration scalingWindow,
        Duration coldStart,
        boolean snapStartAvailable,
        Duration snapStartRestore,
        Duration invokeOverhead,
        Duration maxFunctionTimeout,
        int minMemoryMb,
        int maxMemoryMb,

        // --- Lambda asynchronous invocation ---
        int asyncErrorRetries,
        Duration asyncFirstErrorRetryDelay,
        Duration asyncSecondErrorRetryDelay,
        Duration asyncThrottleInitialBackoff,
        Duration asyncThrottleMaxBackoff,
        Duration asyncMaximumEventAge,
        double asyncDeliveryRatePerSecond,
        double asyncRetryJitter,

        // --- SQS ---
        Duration maxVisibilityTimeout,
        int maxMessagesPerReceive,
        int minMaxReceiveCount,
        int maxMaxReceiveCount,

        // --- Kinesis Data Streams and its event source mapping ---
        int maxStreamShards,
        int defaultStreamBatchSize,
        int maxStreamBatchSize,
        int maxStreamBatchWindowSeconds,
        int maxParallelizationFactor,
        int maxStreamRetryAttempts,
        int minStreamRecordAgeSeconds,
        int maxStreamRecordAgeSeconds,
        Duration shardPollInterval,
        int shardWriteRecordsPerSecond,
        int shardWriteBytesPerSecond,
        Duration putRetryInitialBackoff,
        Duration putRetryMaxBackoff,
        // --- SQS FIFO queues, SNS FIFO topics and their event source mapping ---
        int maxFifoBatchSize,
        Duration fifoDeduplicationInterval,
        int fifoApiCallsPerSecond,
        int fifoHighThroughputApiCallsPerSecond,
        int fifoApiCallsPerSecondPerGroup,
        int snsFifoMessagesPerSecond,
        int snsFifoHighThroughputMessagesPerSecond,
        int snsFifoMessagesPerSecondPerGroup) {

    public AwsBehaviour {
        AwsBehaviourChecks.nonNegative("longPollWait", longPollWait);
        AwsBehaviourChecks.atLeast("initialConcurrentBatches", initialConcurrentBatches, 1);
        AwsBehaviourChecks.atLeast("concurrentBatchesAddedPerMinute", concurrentBatchesAddedPerMinute, 0);
        AwsBehaviourChecks.atLeast("minConcurrentBatches", minConcurrentBatches, 1);
        AwsBehaviourChecks.notAbove("minConcurrentBatches", minConcurrentBatches, "initialConcurrentBatches", initialConcurrentBatches);
        AwsBehaviourChecks.notAbove("initialConcurrentBatches", initialConcurrentBatches, "maxConcurrentBatches", maxConcurrentBatches);
        AwsBehaviourChecks.atLeast("minMaximumConcurrency", minMaximumConcurrency, 1);
        AwsBehaviourChecks.notAbove("minMaximumConcurrency", minMaximumConcurrency, "maxMaximumConcurrency", maxMaximumConcurrency);
        AwsBehaviourChecks.positive("mappingScalingTick", mappingScalingTick);
        AwsBehaviourChecks.nonNegative("mappingBatchesRemovedPerThrottle", mappingBatchesRemovedPerThrottle);
        AwsBehaviourChecks.nonNegative("mappingBatchesRemovedPerError", mappingBatchesRemovedPerError);
        AwsBehaviourChecks.positive("heldBatchRetryMeanInterval", heldBatchRetryMeanInterval);
        AwsBehaviourChecks.atLeast("maxBatchSizeWithoutWindow", maxBatchSizeWithoutWindow, 1);
        AwsBehaviourChecks.notAbove("maxBatchSizeWithoutWindow", maxBatchSizeWithoutWindow, "maxBatchSizeWithWindow", maxBatchSizeWithWindow);
        AwsBehaviourChecks.atLeast("maxBatchWindowSeconds", maxBatchWindowSeconds, 0);
        AwsBehaviourChecks.atLeast("recommendedVisibilityToTimeoutRatio", recommendedVisibilityToTimeoutRatio, 1);
        AwsBehaviourChecks.atLeast("recommendedMinMaxReceiveCount", recommendedMinMaxReceiveCount, 1);
        // maxMaximumPollers 0: a profile without provisioned mode (AWS before November 2025).
        AwsBehaviourChecks.atLeast("maxMaximumPollers", maxMaximumPollers, 0);
        if (maxMaximumPollers > 0) {
            AwsBehaviourChecks.atLeast("minMinimumPollers", minMinimumPollers, 1);
            AwsBehaviourChecks.notAbove("minMinimumPollers", minMinimumPollers, "maxMinimumPollers", maxMinimumPollers);
            AwsBehaviourChecks.notAbove("maxMinimumPollers", maxMinimumPollers, "maxMaximumPollers", maxMaximumPollers);
            AwsBehaviourChecks.atLeast("minMaximumPollers", minMaximumPollers, 1);
            AwsBehaviourChecks.notAbove("minMaximumPollers", minMaximumPollers, "maxMaximumPollers", maxMaximumPollers);
            AwsBehaviourChecks.atLeast("concurrentInvokesPerPoller", concurrentInvokesPerPoller, 1);
            AwsBehaviourChecks.atLeast("provisionedConcurrentInvokesAddedPerMinute",
                    provisionedConcurrentInvokesAddedPerMinute, 0);
        }

        AwsBehaviourChecks.atLeast("accountConcurrency", accountConcurrency, 1);
        AwsBehaviourChecks.atLeast("unreservedMinimum", unreservedMinimum, 0);
        AwsBehaviourChecks.notAbove("unreservedMinimum", unreservedMinimum, "accountConcurrency", accountConcurrency);
        AwsBehaviourChecks.atLeast("environmentBurst", environmentBurst, 1);
        AwsBehaviourChecks.atLeast("environmentsAddedPerWindow", environmentsAddedPerWindow, 1);
        AwsBehaviourChecks.positive("scalingWindow", scalingWindow);
        AwsBehaviourChecks.nonNegative("coldStart", coldStart);
        AwsBehaviourChecks.nonNegative("snapStartRestore", snapStartRestore);
        AwsBehaviourChecks.nonNegative("invokeOverhead", invokeOverhead);
        AwsBehaviourChecks.positive("maxFunctionTimeout", maxFunctionTimeout);
        AwsBehaviourChecks.atLeast("minMemoryMb", minMemoryMb, 1);
        AwsBehaviourChecks.notAbove("minMemoryMb", minMemoryMb, "maxMemoryMb", maxMemoryMb);

        AwsBehaviourChecks.atLeast("asyncErrorRetries", asyncErrorRetries, 0);
        AwsBehaviourChecks.nonNegative("asyncFirstErrorRetryDelay", asyncFirstErrorRetryDelay);
        AwsBehaviourChecks.nonNegative("asyncSecondErrorRetryDelay", asyncSecondErrorRetryDelay);
        AwsBehaviourChecks.positive("asyncThrottleInitialBackoff", asyncThrottleInitialBackoff);
        AwsBehaviourChecks.positive("asyncThrottleMaxBackoff", asyncThrottleMaxBackoff);
        AwsBehaviourChecks.notAbove("asyncThrottleInitialBackoff", asyncThrottleInitialBackoff, "asyncThrottleMaxBackoff", asyncThrottleMaxBackoff);
        AwsBehaviourChecks.positive("asyncMaximumEventAge", asyncMaximumEventAge);
        AwsBehaviourChecks.positive("asyncDeliveryRatePerSecond", asyncDeliveryRatePerSecond);
        AwsBehaviourChecks.fraction("asyncRetryJitter", asyncRetryJitter);

        AwsBehaviourChecks.nonNegative("maxVisibilityTimeout", maxVisibilityTimeout);
        AwsBehaviourChecks.atLeast("maxMessagesPerReceive", maxMessagesPerReceive, 1);
        AwsBehaviourChecks.atLeast("minMaxReceiveCount", minMaxReceiveCount, 1);
        AwsBehaviourChecks.notAbove("minMaxReceiveCount", minMaxReceiveCount, "maxMaxReceiveCount", maxMaxReceiveCount);

        AwsBehaviourChecks.atLeast("maxStreamShards", maxStreamShards, 1);
        AwsBehaviourChecks.atLeast("defaultStreamBatchSize", defaultStreamBatchSize, 1);
        AwsBehaviourChecks.notAbove("defaultStreamBatchSize", defaultStreamBatchSize, "maxStreamBatchSize", maxStreamBatchSize);
        AwsBehaviourChecks.atLeast("maxStreamBatchWindowSeconds", maxStreamBatchWindowSeconds, 0);
        AwsBehaviourChecks.atLeast("maxParallelizationFactor", maxParallelizationFactor, 1);
        AwsBehaviourChecks.atLeast("maxStreamRetryAttempts", maxStreamRetryAttempts, 0);
        AwsBehaviourChecks.atLeast("minStreamRecordAgeSeconds", minStreamRecordAgeSeconds, 1);
        AwsBehaviourChecks.notAbove("minStreamRecordAgeSeconds", minStreamRecordAgeSeconds, "maxStreamRecordAgeSeconds", maxStreamRecordAgeSeconds);
        AwsBehaviourChecks.positive("shardPollInterval", shardPollInterval);
        AwsBehaviourChecks.atLeast("shardWriteRecordsPerSecond", shardWriteRecordsPerSecond, 1);
        AwsBehaviourChecks.atLeast("shardWriteBytesPerSecond", shardWriteBytesPerSecond, 1);
        AwsBehaviourChecks.positive("putRetryInitialBackoff", putRetryInitialBackoff);
        AwsBehaviourChecks.positive("putRetryMaxBackoff", putRetryMaxBackoff);
        AwsBehaviourChecks.notAbove("putRetryInitialBackoff", putRetryInitialBackoff, "putRetryMaxBackoff", putRetryMaxBackoff);
        AwsBehaviourChecks.atLeast("maxFifoBatchSize", maxFifoBatchSize, 1);
        AwsBehaviourChecks.positive("fifoDeduplicationInterval", fifoDeduplicationInterval);
        AwsBehaviourChecks.atLeast("fifoApiCallsPerSecond", fifoApiCallsPerSecond, 1);
        AwsBehaviourChecks.atLeast("fifoHighThroughputApiCallsPerSecond", fifoHighThroughputApiCallsPerSecond, 1);
        AwsBehaviourChecks.atLeast("fifoApiCallsPerSecondPerGroup", fifoApiCallsPerSecondPerGroup, 1);
        AwsBehaviourChecks.atLeast("snsFifoMessagesPerSecond", snsFifoMessagesPerSecond, 1);
        AwsBehaviourChecks.atLeast("snsFifoHighThroughputMessagesPerSecond", snsFifoHighThroughputMessagesPerSecond, 1);
        AwsBehaviourChecks.atLeast("snsFifoMessagesPerSecondPerGroup", snsFifoMessagesPerSecondPerGroup, 1);
    }

    /** AWS as documented in late 2025 (the {@code current} profile). */
    public static AwsBehaviour current() {
        return CurrentAws.BEHAVIOUR;
    }

    /** A builder holding this behaviour's values, to change some of them. */
    public AwsBehaviourBuilder toBuilder() {
        return new AwsBehaviourBuilder(this);
    }

    /** Concurrency a function without a reservation can use: the account's pool less the floor kept free. */
    public int unreservedConcurrency() {
        return accountConcurrency - unreservedMinimum;
    }

    /** True when the SQS event source mapping offers provisioned mode (ProvisionedPollerConfig). */
    public boolean provisionedPollersAvailable() {
        return maxMaximumPollers > 0;
    }

    /** The largest batch an SQS event source mapping accepts with this batching window (0: none). */
    public int maxBatchSize(int batchWindowSeconds) {
        return batchWindowSeconds == 0 ? maxBatchSizeWithoutWindow : maxBatchSizeWithWindow;
    }

    /** The longest function timeout, in whole seconds. */
    public int maxFunctionTimeoutSeconds() {
        return Math.toIntExact(maxFunctionTimeout.toSeconds());
    }

    /** The visibility timeout AWS advises for a function timeout and a batching window. */
    public int recommendedVisibilityTimeoutSeconds(int functionTimeoutSeconds, int batchWindowSeconds) {
        return recommendedVisibilityToTimeoutRatio * functionTimeoutSeconds + batchWindowSeconds;
    }
}
