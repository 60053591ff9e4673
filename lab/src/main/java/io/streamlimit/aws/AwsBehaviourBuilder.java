package io.streamlimit.aws;

import java.time.Duration;

/**
 * Builds an {@link AwsBehaviour} field by field; {@link #build()} refuses a field left unset. One
 * setter per field, named and typed as the field: profile files ({@link AwsProfileFile}) find
 * them by reflection.
 */
public final class AwsBehaviourBuilder {
    private Duration longPollWait;
    private Integer initialConcurrentBatches;
    private Integer concurrentBatchesAddedPerMinute;
    private Integer maxConcurrentBatches;
    private Integer minConcurrentBatches;
    private Integer minMaximumConcurrency;
    private Integer maxMaximumConcurrency;
    private Duration mappingScalingTick;
    private Double mappingBatchesRemovedPerThrottle;
    private Double mappingBatchesRemovedPerError;
    private Duration heldBatchRetryMeanInterval;
    private Integer maxBatchSizeWithoutWindow;
    private Integer maxBatchSizeWithWindow;
    private Integer maxBatchWindowSeconds;
    private Integer recommendedVisibilityToTimeoutRatio;
    private Integer recommendedMinMaxReceiveCount;
    private Integer minMinimumPollers;
    private Integer maxMinimumPollers;
    private Integer minMaximumPollers;
    private Integer maxMaximumPollers;
    private Integer concurrentInvokesPerPoller;
    private Integer provisionedConcurrentInvokesAddedPerMinute;
    private Integer accountConcurrency;
    private Integer unreservedMinimum;
    private Integer environmentBurst;
    private Integer environmentsAddedPerWindow;
    private Duration scalingWindow;
    private Duration coldStart;
    private Boolean snapStartAvailable;
    private Duration snapStartRestore;
    private Duration invokeOverhead;
    private Duration maxFunctionTimeout;
    private Integer minMemoryMb;
    private Integer maxMemoryMb;
    private Integer asyncErrorRetries;
    private Duration asyncFirstErrorRetryDelay;
    private Duration asyncSecondErrorRetryDelay;
    private Duration asyncThrottleInitialBackoff;
    private Duration asyncThrottleMaxBackoff;
    private Duration asyncMaximumEventAge;
    private Double asyncDeliveryRatePerSecond;
    private Double asyncRetryJitter;
    private Duration maxVisibilityTimeout;
    private Integer maxMessagesPerReceive;
    private Integer minMaxReceiveCount;
    private Integer maxMaxReceiveCount;
    private Integer maxStreamShards;
    private Integer defaultStreamBatchSize;
    private Integer maxStreamBatchSize;
    private Integer maxStreamBatchWindowSeconds;
    private Integer maxParallelizationFactor;
    private Integer maxStreamRetryAttempts;
    private Integer minStreamRecordAgeSeconds;
    private Integer maxStreamRecordAgeSeconds;
    private Duration shardPollInterval;
    private Integer shardWriteRecordsPerSecond;
    private Integer shardWriteBytesPerSecond;
    private Duration putRetryInitialBackoff;
    private Duration putRetryMaxBackoff;
    private Integer maxFifoBatchSize;
    private Duration fifoDeduplicationInterval;
    private Integer fifoApiCallsPerSecond;
    private Integer fifoHighThroughputApiCallsPerSecond;
    private Integer fifoApiCallsPerSecondPerGroup;
    private Integer snsFifoMessagesPerSecond;
    private Integer snsFifoHighThroughputMessagesPerSecond;
    private Integer snsFifoMessagesPerSecondPerGroup;

    AwsBehaviourBuilder() {
    }

    AwsBehaviourBuilder(AwsBehaviour b) {
        longPollWait = b.longPollWait();
        initialConcurrentBatches = b.initialConcurrentBatches();
        concurrentBatchesAddedPerMinute = b.concurrentBatchesAddedPerMinute();
        maxConcurrentBatches = b.maxConcurrentBatches();
        minConcurrentBatches = b.minConcurrentBatches();
        minMaximumConcurrency = b.minMaximumConcurrency();
        maxMaximumConcurrency = b.maxMaximumConcurrency();
        mappingScalingTick = b.mappingScalingTick();
        mappingBatchesRemovedPerThrottle = b.mappingBatchesRemovedPerThrottle();
        mappingBatchesRemovedPerError = b.mappingBatchesRemovedPerError();
        heldBatchRetryMeanInterval = b.heldBatchRetryMeanInterval();
        maxBatchSizeWithoutWindow = b.maxBatchSizeWithoutWindow();
        maxBatchSizeWithWindow = b.maxBatchSizeWithWindow();
        maxBatchWindowSeconds = b.maxBatchWindowSeconds();
        recommendedVisibilityToTimeoutRatio = b.recommendedVisibilityToTimeoutRatio();
        recommendedMinMaxReceiveCount = b.recommendedMinMaxReceiveCount();
        minMinimumPollers = b.minMinimumPollers();
        maxMinimumPollers = b.maxMinimumPollers();
        minMaximumPollers = b.minMaximumPollers();
        maxMaximumPollers = b.maxMaximumPollers();
        concurrentInvokesPerPoller = b.concurrentInvokesPerPoller();
        provisionedConcurrentInvokesAddedPerMinute = b.provisionedConcurrentInvokesAddedPerMinute();
        accountConcurrency = b.accountConcurrency();
        unreservedMinimum = b.unreservedMinimum();
        environmentBurst = b.environmentBurst();
        environmentsAddedPerWindow = b.environmentsAddedPerWindow();
        scalingWindow = b.scalingWindow();
        coldStart = b.coldStart();
        snapStartAvailable = b.snapStartAvailable();
        snapStartRestore = b.snapStartRestore();
        invokeOverhead = b.invokeOverhead();
        maxFunctionTimeout = b.maxFunctionTimeout();
        minMemoryMb = b.minMemoryMb();
        maxMemoryMb = b.maxMemoryMb();
        asyncErrorRetries = b.asyncErrorRetries();
        asyncFirstErrorRetryDelay = b.asyncFirstErrorRetryDelay();
        asyncSecondErrorRetryDelay = b.asyncSecondErrorRetryDelay();
        asyncThrottleInitialBackoff = b.asyncThrottleInitialBackoff();
        asyncThrottleMaxBackoff = b.asyncThrottleMaxBackoff();
        asyncMaximumEventAge = b.asyncMaximumEventAge();
        asyncDeliveryRatePerSecond = b.asyncDeliveryRatePerSecond();
        asyncRetryJitter = b.asyncRetryJitter();
        maxVisibilityTimeout = b.maxVisibilityTimeout();
        maxMessagesPerReceive = b.maxMessagesPerReceive();
        minMaxReceiveCount = b.minMaxReceiveCount();
        maxMaxReceiveCount = b.maxMaxReceiveCount();
        maxStreamShards = b.maxStreamShards();
        defaultStreamBatchSize = b.defaultStreamBatchSize();
        maxStreamBatchSize = b.maxStreamBatchSize();
        maxStreamBatchWindowSeconds = b.maxStreamBatchWindowSeconds();
        maxParallelizationFactor = b.maxParallelizationFactor();
        maxStreamRetryAttempts = b.maxStreamRetryAttempts();
        minStreamRecordAgeSeconds = b.minStreamRecordAgeSeconds();
        maxStreamRecordAgeSeconds = b.maxStreamRecordAgeSeconds();
        shardPollInterval = b.shardPollInterval();
        shardWriteRecordsPerSecond = b.shardWriteRecordsPerSecond();
        shardWriteBytesPerSecond = b.shardWriteBytesPerSecond();
        putRetryInitialBackoff = b.putRetryInitialBackoff();
        putRetryMaxBackoff = b.putRetryMaxBackoff();
        maxFifoBatchSize = b.maxFifoBatchSize();
        fifoDeduplicationInterval = b.fifoDeduplicationInterval();
        fifoApiCallsPerSecond = b.fifoApiCallsPerSecond();
        fifoHighThroughputApiCallsPerSecond = b.fifoHighThroughputApiCallsPerSecond();
        fifoApiCallsPerSecondPerGroup = b.fifoApiCallsPerSecondPerGroup();
        snsFifoMessagesPerSecond = b.snsFifoMessagesPerSecond();
        snsFifoHighThroughputMessagesPerSecond = b.snsFifoHighThroughputMessagesPerSecond();
        snsFifoMessagesPerSecondPerGroup = b.snsFifoMessagesPerSecondPerGroup();
    }

    /** @throws IllegalArgumentException naming the first field that is unset or out of range */
    public AwsBehaviour build() {
        return new AwsBehaviour(
                set("longPollWait", longPollWait),
                set("initialConcurrentBatches", initialConcurrentBatches),
                set("concurrentBatchesAddedPerMinute", concurrentBatchesAddedPerMinute),
                set("maxConcurrentBatches", maxConcurrentBatches),
                set("minConcurrentBatches", minConcurrentBatches),
                set("minMaximumConcurrency", minMaximumConcurrency),
                set("maxMaximumConcurrency", maxMaximumConcurrency),
                set("mappingScalingTick", mappingScalingTick),
                set("mappingBatchesRemovedPerThrottle", mappingBatchesRemovedPerThrottle),
                set("mappingBatchesRemovedPerError", mappingBatchesRemovedPerError),
                set("heldBatchRetryMeanInterval", heldBatchRetryMeanInterval),
                set("maxBatchSizeWithoutWindow", maxBatchSizeWithoutWindow),
                set("maxBatchSizeWithWindow", maxBatchSizeWithWindow),
                set("maxBatchWindowSeconds", maxBatchWindowSeconds),
                set("recommendedVisibilityToTimeoutRatio", recommendedVisibilityToTimeoutRatio),
                set("recommendedMinMaxReceiveCount", recommendedMinMaxReceiveCount),
                set("minMinimumPollers", minMinimumPollers),
                set("maxMinimumPollers", maxMinimumPollers),
                set("minMaximumPollers", minMaximumPollers),
                set("maxMaximumPollers", maxMaximumPollers),
                set("concurrentInvokesPerPoller", concurrentInvokesPerPoller),
                set("provisionedConcurrentInvokesAddedPerMinute", provisionedConcurrentInvokesAddedPerMinute),
                set("accountConcurrency", accountConcurrency),
                set("unreservedMinimum", unreservedMinimum),
                set("environmentBurst", environmentBurst),
                set("environmentsAddedPerWindow", environmentsAddedPerWindow),
                set("scalingWindow", scalingWindow),
                set("coldStart", coldStart),
                set("snapStartAvailable", snapStartAvailable),
                set("snapStartRestore", snapStartRestore),
                set("invokeOverhead", invokeOverhead),
                set("maxFunctionTimeout", maxFunctionTimeout),
                set("minMemoryMb", minMemoryMb),
                set("maxMemoryMb", maxMemoryMb),
                set("asyncErrorRetries", asyncErrorRetries),
                set("asyncFirstErrorRetryDelay", asyncFirstErrorRetryDelay),
                set("asyncSecondErrorRetryDelay", asyncSecondErrorRetryDelay),
                set("asyncThrottleInitialBackoff", asyncThrottleInitialBackoff),
                set("asyncThrottleMaxBackoff", asyncThrottleMaxBackoff),
                set("asyncMaximumEventAge", asyncMaximumEventAge),
                set("asyncDeliveryRatePerSecond", asyncDeliveryRatePerSecond),
                set("asyncRetryJitter", asyncRetryJitter),
                set("maxVisibilityTimeout", maxVisibilityTimeout),
                set("maxMessagesPerReceive", maxMessagesPerReceive),
                set("minMaxReceiveCount", minMaxReceiveCount),
                set("maxMaxReceiveCount", maxMaxReceiveCount),
                set("maxStreamShards", maxStreamShards),
                set("defaultStreamBatchSize", defaultStreamBatchSize),
                set("maxStreamBatchSize", maxStreamBatchSize),
                set("maxStreamBatchWindowSeconds", maxStreamBatchWindowSeconds),
                set("maxParallelizationFactor", maxParallelizationFactor),
                set("maxStreamRetryAttempts", maxStreamRetryAttempts),
                set("minStreamRecordAgeSeconds", minStreamRecordAgeSeconds),
                set("maxStreamRecordAgeSeconds", maxStreamRecordAgeSeconds),
                set("shardPollInterval", shardPollInterval),
                set("shardWriteRecordsPerSecond", shardWriteRecordsPerSecond),
                set("shardWriteBytesPerSecond", shardWriteBytesPerSecond),
                set("putRetryInitialBackoff", putRetryInitialBackoff),
                set("putRetryMaxBackoff", putRetryMaxBackoff),
                set("maxFifoBatchSize", maxFifoBatchSize),
                set("fifoDeduplicationInterval", fifoDeduplicationInterval),
                set("fifoApiCallsPerSecond", fifoApiCallsPerSecond),
                set("fifoHighThroughputApiCallsPerSecond", fifoHighThroughputApiCallsPerSecond),
                set("fifoApiCallsPerSecondPerGroup", fifoApiCallsPerSecondPerGroup),
                set("snsFifoMessagesPerSecond", snsFifoMessagesPerSecond),
                set("snsFifoHighThroughputMessagesPerSecond", snsFifoHighThroughputMessagesPerSecond),
                set("snsFifoMessagesPerSecondPerGroup", snsFifoMessagesPerSecondPerGroup));
    }

    private static <T> T set(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": not set");
        }
        return value;
    }

    // One line per setter: they only record a value, and the record's constructor checks it.
    public AwsBehaviourBuilder longPollWait(Duration value) { longPollWait = value; return this; }
    public AwsBehaviourBuilder initialConcurrentBatches(int value) { initialConcurrentBatches = value; return this; }
    public AwsBehaviourBuilder concurrentBatchesAddedPerMinute(int value) { concurrentBatchesAddedPerMinute = value; return this; }
    public AwsBehaviourBuilder maxConcurrentBatches(int value) { maxConcurrentBatches = value; return this; }
    public AwsBehaviourBuilder minConcurrentBatches(int value) { minConcurrentBatches = value; return this; }
    public AwsBehaviourBuilder minMaximumConcurrency(int value) { minMaximumConcurrency = value; return this; }
    public AwsBehaviourBuilder maxMaximumConcurrency(int value) { maxMaximumConcurrency = value; return this; }
    public AwsBehaviourBuilder mappingScalingTick(Duration value) { mappingScalingTick = value; return this; }
    public AwsBehaviourBuilder mappingBatchesRemovedPerThrottle(double value) { mappingBatchesRemovedPerThrottle = value; return this; }
    public AwsBehaviourBuilder mappingBatchesRemovedPerError(double value) { mappingBatchesRemovedPerError = value; return this; }
    public AwsBehaviourBuilder heldBatchRetryMeanInterval(Duration value) { heldBatchRetryMeanInterval = value; return this; }
    public AwsBehaviourBuilder maxBatchSizeWithoutWindow(int value) { maxBatchSizeWithoutWindow = value; return this; }
    public AwsBehaviourBuilder maxBatchSizeWithWindow(int value) { maxBatchSizeWithWindow = value; return this; }
    public AwsBehaviourBuilder maxBatchWindowSeconds(int value) { maxBatchWindowSeconds = value; return this; }
    public AwsBehaviourBuilder recommendedVisibilityToTimeoutRatio(int value) { recommendedVisibilityToTimeoutRatio = value; return this; }
    public AwsBehaviourBuilder recommendedMinMaxReceiveCount(int value) { recommendedMinMaxReceiveCount = value; return this; }
    public AwsBehaviourBuilder minMinimumPollers(int value) { minMinimumPollers = value; return this; }
    public AwsBehaviourBuilder maxMinimumPollers(int value) { maxMinimumPollers = value; return this; }
    public AwsBehaviourBuilder minMaximumPollers(int value) { minMaximumPollers = value; return this; }
    public AwsBehaviourBuilder maxMaximumPollers(int value) { maxMaximumPollers = value; return this; }
    public AwsBehaviourBuilder concurrentInvokesPerPoller(int value) { concurrentInvokesPerPoller = value; return this; }
    public AwsBehaviourBuilder provisionedConcurrentInvokesAddedPerMinute(int value) { provisionedConcurrentInvokesAddedPerMinute = value; return this; }
    public AwsBehaviourBuilder accountConcurrency(int value) { accountConcurrency = value; return this; }
    public AwsBehaviourBuilder unreservedMinimum(int value) { unreservedMinimum = value; return this; }
    public AwsBehaviourBuilder environmentBurst(int value) { environmentBurst = value; return this; }
    public AwsBehaviourBuilder environmentsAddedPerWindow(int value) { environmentsAddedPerWindow = value; return this; }
    public AwsBehaviourBuilder scalingWindow(Duration value) { scalingWindow = value; return this; }
    public AwsBehaviourBuilder coldStart(Duration value) { coldStart = value; return this; }
    public AwsBehaviourBuilder snapStartAvailable(boolean value) { snapStartAvailable = value; return this; }
    public AwsBehaviourBuilder snapStartRestore(Duration value) { snapStartRestore = value; return this; }
    public AwsBehaviourBuilder invokeOverhead(Duration value) { invokeOverhead = value; return this; }
    public AwsBehaviourBuilder maxFunctionTimeout(Duration value) { maxFunctionTimeout = value; return this; }
    public AwsBehaviourBuilder minMemoryMb(int value) { minMemoryMb = value; return this; }
    public AwsBehaviourBuilder maxMemoryMb(int value) { maxMemoryMb = value; return this; }
    public AwsBehaviourBuilder asyncErrorRetries(int value) { asyncErrorRetries = value; return this; }
    public AwsBehaviourBuilder asyncFirstErrorRetryDelay(Duration value) { asyncFirstErrorRetryDelay = value; return this; }
    public AwsBehaviourBuilder asyncSecondErrorRetryDelay(Duration value) { asyncSecondErrorRetryDelay = value; return this; }
    public AwsBehaviourBuilder asyncThrottleInitialBackoff(Duration value) { asyncThrottleInitialBackoff = value; return this; }
    public AwsBehaviourBuilder asyncThrottleMaxBackoff(Duration value) { asyncThrottleMaxBackoff = value; return this; }
    public AwsBehaviourBuilder asyncMaximumEventAge(Duration value) { asyncMaximumEventAge = value; return this; }
    public AwsBehaviourBuilder asyncDeliveryRatePerSecond(double value) { asyncDeliveryRatePerSecond = value; return this; }
    public AwsBehaviourBuilder asyncRetryJitter(double value) { asyncRetryJitter = value; return this; }
    public AwsBehaviourBuilder maxVisibilityTimeout(Duration value) { maxVisibilityTimeout = value; return this; }
    public AwsBehaviourBuilder maxMessagesPerReceive(int value) { maxMessagesPerReceive = value; return this; }
    public AwsBehaviourBuilder minMaxReceiveCount(int value) { minMaxReceiveCount = value; return this; }
    public AwsBehaviourBuilder maxMaxReceiveCount(int value) { maxMaxReceiveCount = value; return this; }
    public AwsBehaviourBuilder maxStreamShards(int value) { maxStreamShards = value; return this; }
    public AwsBehaviourBuilder defaultStreamBatchSize(int value) { defaultStreamBatchSize = value; return this; }
    public AwsBehaviourBuilder maxStreamBatchSize(int value) { maxStreamBatchSize = value; return this; }
    public AwsBehaviourBuilder maxStreamBatchWindowSeconds(int value) { maxStreamBatchWindowSeconds = value; return this; }
    public AwsBehaviourBuilder maxParallelizationFactor(int value) { maxParallelizationFactor = value; return this; }
    public AwsBehaviourBuilder maxStreamRetryAttempts(int value) { maxStreamRetryAttempts = value; return this; }
    public AwsBehaviourBuilder minStreamRecordAgeSeconds(int value) { minStreamRecordAgeSeconds = value; return this; }
    public AwsBehaviourBuilder maxStreamRecordAgeSeconds(int value) { maxStreamRecordAgeSeconds = value; return this; }
    public AwsBehaviourBuilder shardPollInterval(Duration value) { shardPollInterval = value; return this; }
    public AwsBehaviourBuilder shardWriteRecordsPerSecond(int value) { shardWriteRecordsPerSecond = value; return this; }
    public AwsBehaviourBuilder shardWriteBytesPerSecond(int value) { shardWriteBytesPerSecond = value; return this; }
    public AwsBehaviourBuilder putRetryInitialBackoff(Duration value) { putRetryInitialBackoff = value; return this; }
    public AwsBehaviourBuilder putRetryMaxBackoff(Duration value) { putRetryMaxBackoff = value; return this; }
    public AwsBehaviourBuilder maxFifoBatchSize(int value) { maxFifoBatchSize = value; return this; }
    public AwsBehaviourBuilder fifoDeduplicationInterval(Duration value) { fifoDeduplicationInterval = value; return this; }
    public AwsBehaviourBuilder fifoApiCallsPerSecond(int value) { fifoApiCallsPerSecond = value; return this; }
    public AwsBehaviourBuilder fifoHighThroughputApiCallsPerSecond(int value) { fifoHighThroughputApiCallsPerSecond = value; return this; }
    public AwsBehaviourBuilder fifoApiCallsPerSecondPerGroup(int value) { fifoApiCallsPerSecondPerGroup = value; return this; }
    public AwsBehaviourBuilder snsFifoMessagesPerSecond(int value) { snsFifoMessagesPerSecond = value; return this; }
    public AwsBehaviourBuilder snsFifoHighThroughputMessagesPerSecond(int value) { snsFifoHighThroughputMessagesPerSecond = value; return this; }
    public AwsBehaviourBuilder snsFifoMessagesPerSecondPerGroup(int value) { snsFifoMessagesPerSecondPerGroup = value; return this; }
}
