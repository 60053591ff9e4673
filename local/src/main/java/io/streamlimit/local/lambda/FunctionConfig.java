package io.streamlimit.local.lambda;

import java.time.Duration;
import java.util.Objects;

/**
 * A function's settings that the emulator honours.
 *
 * @param reservedConcurrency the function's ceiling (and floor); null: the account's unreserved pool
 * @param provisionedConcurrency environments created and initialized with the function, before
 *     anything invokes it (provisioned concurrency); 0: none, every environment is created on demand
 */
public record FunctionConfig(String name, Integer reservedConcurrency, Duration timeout, int memoryMb,
                             int provisionedConcurrency) {

    public FunctionConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeout, "timeout");
        if (reservedConcurrency != null && reservedConcurrency < 0) {
            throw new IllegalArgumentException("reservedConcurrency: must be 0 or more, got " + reservedConcurrency);
        }
        if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("timeout: must be 1 s to 15 min, got " + timeout);
        }
        if (memoryMb < 128 || memoryMb > 10_240) {
            throw new IllegalArgumentException("memoryMb: must be 128 to 10240, got " + memoryMb);
        }
        if (provisionedConcurrency < 0
                || (reservedConcurrency != null && provisionedConcurrency > reservedConcurrency)) {
            throw new IllegalArgumentException("provisionedConcurrency: must be 0 to "
                    + (reservedConcurrency != null ? reservedConcurrency + " (the reserved concurrency)" : "the unreserved pool")
                    + ", got " + provisionedConcurrency);
        }
    }

    /** Without provisioned concurrency. */
    public FunctionConfig(String name, Integer reservedConcurrency, Duration timeout, int memoryMb) {
        this(name, reservedConcurrency, timeout, memoryMb, 0);
    }
}
