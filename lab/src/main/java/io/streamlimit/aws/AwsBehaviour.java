package io.streamlimit.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * The AWS behaviours and limits the local emulator, the simulator and the scenario checks all
 * reproduce. {@link #current()} holds the values, each with its source and whether it is
 * documented, fitted to the real runs in {@code ../shared/calibration/}, or an assumption; check a
 * figure in the AWS documentation before changing it. Variants are built with
 * {@code current().toBuilder()...build()} or named in {@link AwsProfiles}.
 *
 * <p>Every field is a key of a profile file ({@link AwsProfileFile}), so a new field needs a
 * builder setter of the same name and type. The canonical constructor checks each value and names
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

        // --- Lambda ---
        int accountConcurrency,
        int unreservedMinimum,
        int environmentBurst,
        int environmentsAddedPerWindow,
        Duration scalingWindow,
        Duration coldStart,
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
        int maxMaxReceiveCount) {

    private static final AwsBehaviour CURRENT = new Builder()
            // ---------- SQS event source mapping ----------
            // Documented: the mapping long-polls the queue
            // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html); 20 s is
            // ReceiveMessage's longest WaitTimeSeconds
            // (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html);
            // that the mapping uses the longest wait is an assumption.
            .longPollWait(Duration.ofSeconds(20))
            // Documented: with messages waiting the mapping starts with 5 concurrent batches, adds up
            // to 300 per minute (60 before the 2023-24 change, see AwsProfiles), up to 1,000 (some
            // AWS pages say 1,250), and when traffic is low falls back to 5 and as low as 2
            // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html).
            .initialConcurrentBatches(5)
            .concurrentBatchesAddedPerMinute(300)
            .maxConcurrentBatches(1_000)
            .minConcurrentBatches(2)
            // Documented: ScalingConfig.MaximumConcurrency is 2 to 1,000 (since January 2023)
            // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html,
            // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-lambda-eventsourcemapping-scalingconfig.html).
            .minMaximumConcurrency(2)
            .maxMaximumConcurrency(1_000)
            // Assumption: how often the mapping reconsiders its number of concurrent batches.
            .mappingScalingTick(Duration.ofSeconds(1))
            // Fitted. AWS documents only that on throttles, and on function errors without
            // ReportBatchItemFailures, it "gradually backs off retries by reducing the amount of
            // concurrency allocated" to the mapping, with no figures
            // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html).
            // 0.65 batches a throttle: fitted to the June 2020 trace's consumer-2 (its start-gap
            // median and p90, 1.306 s and 2.038 s) together with the mean below; see
            // docs/FIDELITY.md. The error share is taken equal, for want of data.
            .mappingBatchesRemovedPerThrottle(0.65)
            .mappingBatchesRemovedPerError(0.65)
            // Fitted. AWS documents that a throttled batch is retried until its visibility timeout
            // runs out (same page), not how often. A random, memoryless wait with a 12 s mean:
            // fitted to run 03's 105 of 1,000 events in the DLQ with a 10 s visibility timeout, and
            // consistent with consumer-2's exponential pauses between invocations.
            .heldBatchRetryMeanInterval(Duration.ofSeconds(12))
            // Documented: batch size 1 to 10 without a batching window, up to 10,000 with one;
            // batching window 0 to 300 s
            // (https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html).
            .maxBatchSizeWithoutWindow(10)
            .maxBatchSizeWithWindow(10_000)
            .maxBatchWindowSeconds(300)
            // Documented guidance: visibility timeout at least 6 x the function timeout (plus the
            // batching window) and maxReceiveCount at least 5
            // (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html).
            .recommendedVisibilityToTimeoutRatio(6)
            .recommendedMinMaxReceiveCount(5)

            // ---------- Lambda ----------
            // Documented: 1,000 concurrent executions per account and Region by default, 100 of
            // them always unreserved
            // (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html,
            // https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html).
            .accountConcurrency(1_000)
            .unreservedMinimum(100)
            // Documented (since November 2023): each function may add 1,000 execution environments
            // every 10 s, so 1,000 at once
            // (https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html).
            .environmentBurst(1_000)
            .environmentsAddedPerWindow(1_000)
            .scalingWindow(Duration.ofSeconds(10))
            // Assumption: a new environment's init before its first invocation (typical Java,
            // 512 MB, no SnapStart); AWS publishes no figure
            // (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html).
            .coldStart(Duration.ofMillis(400))
            // Fitted. From an invoke to the handler's start: 30 ms, fitted to the June 2020 trace
            // (consumer-3: an idle environment is invoked again 50 to 80 ms after it finishes, a
            // receive included; consumer-2's shortest start gaps, 1.045 s for a 1 s handler).
            .invokeOverhead(Duration.ofMillis(30))
            // Documented: timeout 1 s to 900 s
            // (https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html);
            // memory 128 MB to 10,240 MB
            // (https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html).
            .maxFunctionTimeout(Duration.ofSeconds(900))
            .minMemoryMb(128)
            .maxMemoryMb(10_240)

            // ---------- Lambda asynchronous invocation ----------
            // Documented: on a function error, 2 retries, about 1 and 2 minutes later; on a throttle,
            // retries whose interval grows exponentially from 1 s to at most 5 minutes, for up to
            // MaximumEventAgeInSeconds (6 hours by default), then the on-failure destination
            // (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html).
            .asyncErrorRetries(2)
            .asyncFirstErrorRetryDelay(Duration.ofMinutes(1))
            .asyncSecondErrorRetryDelay(Duration.ofMinutes(2))
            .asyncThrottleInitialBackoff(Duration.ofSeconds(1))
            .asyncThrottleMaxBackoff(Duration.ofMinutes(5))
            .asyncMaximumEventAge(Duration.ofHours(6))
            // Fitted. The async queue's read rate for one function: 16.6 a second, the mean of run
            // 01 of the original experiments and of the June 2020 trace's consumer-1 (16 to 18 a
            // second, never 1,000 at once, though nothing throttled them); AWS documents
            // only that it "reduces the rate at which it reads events from the queue" under throttles
            // (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html).
            .asyncDeliveryRatePerSecond(16.6)
            // Measured and fitted. A lone throttled async event retries at the documented doubling,
            // shortened at random by up to this share of a step: a 2025 measurement saw attempts
            // at roughly 1, 3, 7, 15, 31 and 63 s, slightly shortened. AWS adds that the interval
            // "might be longer if the queue is backed up": a backlog of n throttled events spreads
            // its retries over the step, the random share growing as 1 - (1 - 0.2) / n
            // (AsyncRetrySchedule), which reproduces run 02's completed share at 300, 600, 900 and
            // 1,200 s (0.26, 0.53, 0.78, 0.92; see docs/FIDELITY.md); retries in lockstep made the
            // run twice as long
            // (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-error-handling.html).
            .asyncRetryJitter(0.2)

            // ---------- SQS ----------
            // Documented: visibility timeout 0 s to 12 h
            // (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html);
            // at most 10 messages per receive
            // (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html);
            // maxReceiveCount 1 to 1,000
            // (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html).
            .maxVisibilityTimeout(Duration.ofHours(12))
            .maxMessagesPerReceive(10)
            .minMaxReceiveCount(1)
            .maxMaxReceiveCount(1_000)
            .build();

    public AwsBehaviour {
        Checks.nonNegative("longPollWait", longPollWait);
        Checks.atLeast("initialConcurrentBatches", initialConcurrentBatches, 1);
        Checks.atLeast("concurrentBatchesAddedPerMinute", concurrentBatchesAddedPerMinute, 0);
        Checks.atLeast("minConcurrentBatches", minConcurrentBatches, 1);
        Checks.notAbove("minConcurrentBatches", minConcurrentBatches, "initialConcurrentBatches", initialConcurrentBatches);
        Checks.notAbove("initialConcurrentBatches", initialConcurrentBatches, "maxConcurrentBatches", maxConcurrentBatches);
        Checks.atLeast("minMaximumConcurrency", minMaximumConcurrency, 1);
        Checks.notAbove("minMaximumConcurrency", minMaximumConcurrency, "maxMaximumConcurrency", maxMaximumConcurrency);
        Checks.positive("mappingScalingTick", mappingScalingTick);
        Checks.nonNegative("mappingBatchesRemovedPerThrottle", mappingBatchesRemovedPerThrottle);
        Checks.nonNegative("mappingBatchesRemovedPerError", mappingBatchesRemovedPerError);
        Checks.positive("heldBatchRetryMeanInterval", heldBatchRetryMeanInterval);
        Checks.atLeast("maxBatchSizeWithoutWindow", maxBatchSizeWithoutWindow, 1);
        Checks.notAbove("maxBatchSizeWithoutWindow", maxBatchSizeWithoutWindow, "maxBatchSizeWithWindow", maxBatchSizeWithWindow);
        Checks.atLeast("maxBatchWindowSeconds", maxBatchWindowSeconds, 0);
        Checks.atLeast("recommendedVisibilityToTimeoutRatio", recommendedVisibilityToTimeoutRatio, 1);
        Checks.atLeast("recommendedMinMaxReceiveCount", recommendedMinMaxReceiveCount, 1);

        Checks.atLeast("accountConcurrency", accountConcurrency, 1);
        Checks.atLeast("unreservedMinimum", unreservedMinimum, 0);
        Checks.notAbove("unreservedMinimum", unreservedMinimum, "accountConcurrency", accountConcurrency);
        Checks.atLeast("environmentBurst", environmentBurst, 1);
        Checks.atLeast("environmentsAddedPerWindow", environmentsAddedPerWindow, 1);
        Checks.positive("scalingWindow", scalingWindow);
        Checks.nonNegative("coldStart", coldStart);
        Checks.nonNegative("invokeOverhead", invokeOverhead);
        Checks.positive("maxFunctionTimeout", maxFunctionTimeout);
        Checks.atLeast("minMemoryMb", minMemoryMb, 1);
        Checks.notAbove("minMemoryMb", minMemoryMb, "maxMemoryMb", maxMemoryMb);

        Checks.atLeast("asyncErrorRetries", asyncErrorRetries, 0);
        Checks.nonNegative("asyncFirstErrorRetryDelay", asyncFirstErrorRetryDelay);
        Checks.nonNegative("asyncSecondErrorRetryDelay", asyncSecondErrorRetryDelay);
        Checks.positive("asyncThrottleInitialBackoff", asyncThrottleInitialBackoff);
        Checks.positive("asyncThrottleMaxBackoff", asyncThrottleMaxBackoff);
        Checks.notAbove("asyncThrottleInitialBackoff", asyncThrottleInitialBackoff, "asyncThrottleMaxBackoff", asyncThrottleMaxBackoff);
        Checks.positive("asyncMaximumEventAge", asyncMaximumEventAge);
        Checks.positive("asyncDeliveryRatePerSecond", asyncDeliveryRatePerSecond);
        Checks.fraction("asyncRetryJitter", asyncRetryJitter);

        Checks.nonNegative("maxVisibilityTimeout", maxVisibilityTimeout);
        Checks.atLeast("maxMessagesPerReceive", maxMessagesPerReceive, 1);
        Checks.atLeast("minMaxReceiveCount", minMaxReceiveCount, 1);
        Checks.notAbove("minMaxReceiveCount", minMaxReceiveCount, "maxMaxReceiveCount", maxMaxReceiveCount);
    }

    /** AWS as documented in late 2025 (the {@code current} profile). */
    public static AwsBehaviour current() {
        return CURRENT;
    }

    /** A builder holding this behaviour's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Concurrency a function without a reservation can use: the account's pool less the floor kept free. */
    public int unreservedConcurrency() {
        return accountConcurrency - unreservedMinimum;
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

    /**
     * Sets fields by name; {@link #build()} refuses a field left unset. One setter per field, named
     * and typed as the field (profile files find them so).
     */
    public static final class Builder {
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
        private Integer accountConcurrency;
        private Integer unreservedMinimum;
        private Integer environmentBurst;
        private Integer environmentsAddedPerWindow;
        private Duration scalingWindow;
        private Duration coldStart;
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

        private Builder() {
        }

        private Builder(AwsBehaviour b) {
            longPollWait = b.longPollWait;
            initialConcurrentBatches = b.initialConcurrentBatches;
            concurrentBatchesAddedPerMinute = b.concurrentBatchesAddedPerMinute;
            maxConcurrentBatches = b.maxConcurrentBatches;
            minConcurrentBatches = b.minConcurrentBatches;
            minMaximumConcurrency = b.minMaximumConcurrency;
            maxMaximumConcurrency = b.maxMaximumConcurrency;
            mappingScalingTick = b.mappingScalingTick;
            mappingBatchesRemovedPerThrottle = b.mappingBatchesRemovedPerThrottle;
            mappingBatchesRemovedPerError = b.mappingBatchesRemovedPerError;
            heldBatchRetryMeanInterval = b.heldBatchRetryMeanInterval;
            maxBatchSizeWithoutWindow = b.maxBatchSizeWithoutWindow;
            maxBatchSizeWithWindow = b.maxBatchSizeWithWindow;
            maxBatchWindowSeconds = b.maxBatchWindowSeconds;
            recommendedVisibilityToTimeoutRatio = b.recommendedVisibilityToTimeoutRatio;
            recommendedMinMaxReceiveCount = b.recommendedMinMaxReceiveCount;
            accountConcurrency = b.accountConcurrency;
            unreservedMinimum = b.unreservedMinimum;
            environmentBurst = b.environmentBurst;
            environmentsAddedPerWindow = b.environmentsAddedPerWindow;
            scalingWindow = b.scalingWindow;
            coldStart = b.coldStart;
            invokeOverhead = b.invokeOverhead;
            maxFunctionTimeout = b.maxFunctionTimeout;
            minMemoryMb = b.minMemoryMb;
            maxMemoryMb = b.maxMemoryMb;
            asyncErrorRetries = b.asyncErrorRetries;
            asyncFirstErrorRetryDelay = b.asyncFirstErrorRetryDelay;
            asyncSecondErrorRetryDelay = b.asyncSecondErrorRetryDelay;
            asyncThrottleInitialBackoff = b.asyncThrottleInitialBackoff;
            asyncThrottleMaxBackoff = b.asyncThrottleMaxBackoff;
            asyncMaximumEventAge = b.asyncMaximumEventAge;
            asyncDeliveryRatePerSecond = b.asyncDeliveryRatePerSecond;
            asyncRetryJitter = b.asyncRetryJitter;
            maxVisibilityTimeout = b.maxVisibilityTimeout;
            maxMessagesPerReceive = b.maxMessagesPerReceive;
            minMaxReceiveCount = b.minMaxReceiveCount;
            maxMaxReceiveCount = b.maxMaxReceiveCount;
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
                    set("accountConcurrency", accountConcurrency),
                    set("unreservedMinimum", unreservedMinimum),
                    set("environmentBurst", environmentBurst),
                    set("environmentsAddedPerWindow", environmentsAddedPerWindow),
                    set("scalingWindow", scalingWindow),
                    set("coldStart", coldStart),
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
                    set("maxMaxReceiveCount", maxMaxReceiveCount));
        }

        private static <T> T set(String field, T value) {
            if (value == null) {
                throw new IllegalArgumentException(field + ": not set");
            }
            return value;
        }

        public Builder longPollWait(Duration value) {
            longPollWait = value;
            return this;
        }

        public Builder initialConcurrentBatches(int value) {
            initialConcurrentBatches = value;
            return this;
        }

        public Builder concurrentBatchesAddedPerMinute(int value) {
            concurrentBatchesAddedPerMinute = value;
            return this;
        }

        public Builder maxConcurrentBatches(int value) {
            maxConcurrentBatches = value;
            return this;
        }

        public Builder minConcurrentBatches(int value) {
            minConcurrentBatches = value;
            return this;
        }

        public Builder minMaximumConcurrency(int value) {
            minMaximumConcurrency = value;
            return this;
        }

        public Builder maxMaximumConcurrency(int value) {
            maxMaximumConcurrency = value;
            return this;
        }

        public Builder mappingScalingTick(Duration value) {
            mappingScalingTick = value;
            return this;
        }

        public Builder mappingBatchesRemovedPerThrottle(double value) {
            mappingBatchesRemovedPerThrottle = value;
            return this;
        }

        public Builder mappingBatchesRemovedPerError(double value) {
            mappingBatchesRemovedPerError = value;
            return this;
        }

        public Builder heldBatchRetryMeanInterval(Duration value) {
            heldBatchRetryMeanInterval = value;
            return this;
        }

        public Builder maxBatchSizeWithoutWindow(int value) {
            maxBatchSizeWithoutWindow = value;
            return this;
        }

        public Builder maxBatchSizeWithWindow(int value) {
            maxBatchSizeWithWindow = value;
            return this;
        }

        public Builder maxBatchWindowSeconds(int value) {
            maxBatchWindowSeconds = value;
            return this;
        }

        public Builder recommendedVisibilityToTimeoutRatio(int value) {
            recommendedVisibilityToTimeoutRatio = value;
            return this;
        }

        public Builder recommendedMinMaxReceiveCount(int value) {
            recommendedMinMaxReceiveCount = value;
            return this;
        }

        public Builder accountConcurrency(int value) {
            accountConcurrency = value;
            return this;
        }

        public Builder unreservedMinimum(int value) {
            unreservedMinimum = value;
            return this;
        }

        public Builder environmentBurst(int value) {
            environmentBurst = value;
            return this;
        }

        public Builder environmentsAddedPerWindow(int value) {
            environmentsAddedPerWindow = value;
            return this;
        }

        public Builder scalingWindow(Duration value) {
            scalingWindow = value;
            return this;
        }

        public Builder coldStart(Duration value) {
            coldStart = value;
            return this;
        }

        public Builder invokeOverhead(Duration value) {
            invokeOverhead = value;
            return this;
        }

        public Builder maxFunctionTimeout(Duration value) {
            maxFunctionTimeout = value;
            return this;
        }

        public Builder minMemoryMb(int value) {
            minMemoryMb = value;
            return this;
        }

        public Builder maxMemoryMb(int value) {
            maxMemoryMb = value;
            return this;
        }

        public Builder asyncErrorRetries(int value) {
            asyncErrorRetries = value;
            return this;
        }

        public Builder asyncFirstErrorRetryDelay(Duration value) {
            asyncFirstErrorRetryDelay = value;
            return this;
        }

        public Builder asyncSecondErrorRetryDelay(Duration value) {
            asyncSecondErrorRetryDelay = value;
            return this;
        }

        public Builder asyncThrottleInitialBackoff(Duration value) {
            asyncThrottleInitialBackoff = value;
            return this;
        }

        public Builder asyncThrottleMaxBackoff(Duration value) {
            asyncThrottleMaxBackoff = value;
            return this;
        }

        public Builder asyncMaximumEventAge(Duration value) {
            asyncMaximumEventAge = value;
            return this;
        }

        public Builder asyncDeliveryRatePerSecond(double value) {
            asyncDeliveryRatePerSecond = value;
            return this;
        }

        public Builder asyncRetryJitter(double value) {
            asyncRetryJitter = value;
            return this;
        }

        public Builder maxVisibilityTimeout(Duration value) {
            maxVisibilityTimeout = value;
            return this;
        }

        public Builder maxMessagesPerReceive(int value) {
            maxMessagesPerReceive = value;
            return this;
        }

        public Builder minMaxReceiveCount(int value) {
            minMaxReceiveCount = value;
            return this;
        }

        public Builder maxMaxReceiveCount(int value) {
            maxMaxReceiveCount = value;
            return this;
        }
    }

    /** The value checks, each naming the field; a profile file's errors come out of them. */
    private static final class Checks {

        private Checks() {
        }

        static void atLeast(String field, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(field + ": must be at least " + min + ", got " + value);
            }
        }

        static void nonNegative(String field, Duration value) {
            Objects.requireNonNull(value, field);
            if (value.isNegative()) {
                throw new IllegalArgumentException(field + ": must not be negative, got " + value);
            }
        }

        static void positive(String field, Duration value) {
            Objects.requireNonNull(value, field);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(field + ": must be longer than zero, got " + value);
            }
        }

        static void nonNegative(String field, double value) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(field + ": must be a finite number of 0 or more, got " + value);
            }
        }

        static void positive(String field, double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(field + ": must be a finite number above 0, got " + value);
            }
        }

        static void fraction(String field, double value) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(field + ": must be 0 to 1, got " + value);
            }
        }

        static void notAbove(String field, int value, String maxField, int max) {
            if (value > max) {
                throw new IllegalArgumentException(field + ": must be at most " + maxField + " (" + max + "), got " + value);
            }
        }

        static void notAbove(String field, Duration value, String maxField, Duration max) {
            if (value.compareTo(max) > 0) {
                throw new IllegalArgumentException(field + ": must be at most " + maxField + " (" + max + "), got " + value);
            }
        }
    }
}
