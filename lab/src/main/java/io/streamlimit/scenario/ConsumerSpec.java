package io.streamlimit.scenario;

import io.streamlimit.aws.AwsBehaviour;

/**
 * The consumer function.
 *
 * @param reservedConcurrency null: no reservation, the account's unreserved pool applies; 0 is
 *     allowed (AWS's way to stop a function) but nothing then runs
 * @param maximumConcurrency the event source mapping's ScalingConfig.MaximumConcurrency, or null
 * @param provisionedConcurrency execution environments Lambda keeps initialized before the run
 *     (provisioned concurrency on an alias); 0, the default, is none. At most the reserved
 *     concurrency when there is one (AWS refuses more), else the account's unreserved pool
 */
public record ConsumerSpec(
        Integer reservedConcurrency,
        Integer maximumConcurrency,
        int timeoutSeconds,
        int memoryMb,
        int provisionedConcurrency) {

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
        // PutProvisionedConcurrencyConfig: no more than the function's reserved concurrency, and
        // without a reservation no more than the account's unreserved pool.
        int maxProvisioned = reservedConcurrency != null ? reservedConcurrency : aws.unreservedConcurrency();
        if (provisionedConcurrency < 0 || provisionedConcurrency > maxProvisioned) {
            throw new ScenarioException("consumer.provisionedConcurrency", "must be 0 to " + maxProvisioned
                    + (reservedConcurrency != null
                            ? " (at most consumer.reservedConcurrency, " + reservedConcurrency + ")"
                            : " (the account's unreserved concurrency)")
                    + ", got " + provisionedConcurrency);
        }
    }

    /** Without provisioned concurrency. */
    public ConsumerSpec(Integer reservedConcurrency, Integer maximumConcurrency, int timeoutSeconds, int memoryMb) {
        this(reservedConcurrency, maximumConcurrency, timeoutSeconds, memoryMb, 0);
    }

    /** This consumer with {@code provisioned} environments kept initialized. */
    public ConsumerSpec withProvisionedConcurrency(int provisioned) {
        return new ConsumerSpec(reservedConcurrency, maximumConcurrency, timeoutSeconds, memoryMb, provisioned);
    }
}
