package io.streamlimit.scenario;

import io.streamlimit.aws.AwsBehaviour;

/**
 * The consumer function.
 *
 * @param reservedConcurrency null: no reservation, the account's unreserved pool applies; 0 is
 *     allowed (AWS's way to stop a function) but nothing then runs
 * @param maximumConcurrency the event source mapping's ScalingConfig.MaximumConcurrency, or null
 */
public record ConsumerSpec(
        Integer reservedConcurrency,
        Integer maximumConcurrency,
        int timeoutSeconds,
        int memoryMb) {

    /** Defaults for keys a scenario file may omit. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 10;
    public static final int DEFAULT_MEMORY_MB = 512;

    /** Lambda's limits: timeout up to 15 minutes, memory 128 MB to 10,240 MB. */
    public static final int MAX_TIMEOUT_SECONDS = 900;
    public static final int MIN_MEMORY_MB = 128;
    public static final int MAX_MEMORY_MB = 10_240;

    public ConsumerSpec {
        AwsBehaviour aws = AwsBehaviour.CURRENT;
        // AWS keeps unreservedMinimum of the account's concurrency free of reservations.
        Checks.optionalRange("consumer.reservedConcurrency", reservedConcurrency, 0,
                aws.unreservedConcurrency());
        Checks.optionalRange("consumer.maximumConcurrency", maximumConcurrency,
                aws.minMaximumConcurrency(), aws.maxMaximumConcurrency());
        Checks.range("consumer.timeoutSeconds", timeoutSeconds, 1, MAX_TIMEOUT_SECONDS);
        Checks.range("consumer.memoryMb", memoryMb, MIN_MEMORY_MB, MAX_MEMORY_MB);
    }
}
