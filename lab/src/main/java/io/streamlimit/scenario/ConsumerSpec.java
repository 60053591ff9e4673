package io.streamlimit.scenario;

/**
 * The consumer function.
 *
 * @param reservedConcurrency null: no reservation, the account's unreserved pool applies
 * @param maximumConcurrency the event source mapping's ScalingConfig.MaximumConcurrency, or null
 */
public record ConsumerSpec(
        Integer reservedConcurrency,
        Integer maximumConcurrency,
        int timeoutSeconds,
        int memoryMb) {
}
