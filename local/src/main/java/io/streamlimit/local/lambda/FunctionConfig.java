package io.streamlimit.local.lambda;

import io.streamlimit.aws.AwsBehaviour;
import java.time.Duration;
import java.util.Objects;

/**
 * A function's settings that the emulator honours. A config checks Lambda's limits as documented
 * today ({@link AwsBehaviour#current()}); {@link #validate(AwsBehaviour)} checks those of another
 * behaviour, with its account quotas.
 *
 * @param reservedConcurrency the function's ceiling (and floor); null: the account's unreserved pool
 * @param provisionedConcurrency environments created and initialized with the function, before
 *     anything invokes it (provisioned concurrency); 0: none, every environment is created on demand
 * @param snapStart new environments restore a snapshot instead of initializing (Lambda SnapStart);
 *     AWS refuses it with provisioned concurrency
 */
public record FunctionConfig(String name, Integer reservedConcurrency, Duration timeout, int memoryMb,
                             int provisionedConcurrency, boolean snapStart) {

    public FunctionConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeout, "timeout");
        check(reservedConcurrency, timeout, memoryMb, provisionedConcurrency, AwsBehaviour.current());
        if (snapStart && provisionedConcurrency > 0) {
            throw new IllegalArgumentException("snapStart: cannot be combined with provisioned concurrency ("
                    + provisionedConcurrency + ")");
        }
    }

    /** Without SnapStart. */
    public FunctionConfig(String name, Integer reservedConcurrency, Duration timeout, int memoryMb,
                          int provisionedConcurrency) {
        this(name, reservedConcurrency, timeout, memoryMb, provisionedConcurrency, false);
    }

    /** This function with SnapStart on or off. */
    public FunctionConfig withSnapStart(boolean on) {
        return new FunctionConfig(name, reservedConcurrency, timeout, memoryMb, provisionedConcurrency, on);
    }

    /** Without provisioned concurrency. */
    public FunctionConfig(String name, Integer reservedConcurrency, Duration timeout, int memoryMb) {
        this(name, reservedConcurrency, timeout, memoryMb, 0);
    }

    /**
     * Checks this config against the limits of {@code aws} and, without a reservation, its
     * unreserved pool.
     *
     * @return this config
     */
    public FunctionConfig validate(AwsBehaviour aws) {
        check(reservedConcurrency, timeout, memoryMb, provisionedConcurrency, aws);
        if (snapStart && !aws.snapStartAvailable()) {
            throw new IllegalArgumentException("snapStart: this AWS behaviour has no SnapStart");
        }
        if (reservedConcurrency == null && provisionedConcurrency > aws.unreservedConcurrency()) {
            throw new IllegalArgumentException("provisionedConcurrency: must be 0 to " + aws.unreservedConcurrency()
                    + " (the unreserved pool), got " + provisionedConcurrency);
        }
        return this;
    }

    private static void check(Integer reservedConcurrency, Duration timeout, int memoryMb, int provisionedConcurrency,
            AwsBehaviour aws) {
        if (reservedConcurrency != null && reservedConcurrency < 0) {
            throw new IllegalArgumentException("reservedConcurrency: must be 0 or more, got " + reservedConcurrency);
        }
        Duration max = aws.maxFunctionTimeout();
        if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(max) > 0) {
            throw new IllegalArgumentException("timeout: must be 1 s to " + readable(max) + ", got " + timeout);
        }
        if (memoryMb < aws.minMemoryMb() || memoryMb > aws.maxMemoryMb()) {
            throw new IllegalArgumentException("memoryMb: must be " + aws.minMemoryMb() + " to " + aws.maxMemoryMb()
                    + ", got " + memoryMb);
        }
        if (provisionedConcurrency < 0
                || (reservedConcurrency != null && provisionedConcurrency > reservedConcurrency)) {
            throw new IllegalArgumentException("provisionedConcurrency: must be 0 to "
                    + (reservedConcurrency != null ? reservedConcurrency + " (the reserved concurrency)" : "the unreserved pool")
                    + ", got " + provisionedConcurrency);
        }
    }

    /** 15 min rather than PT15M, as the limit is usually quoted. */
    private static String readable(Duration d) {
        return d.toSecondsPart() == 0 && d.toMillisPart() == 0 ? d.toMinutes() + " min" : d.toMillis() / 1000.0 + " s";
    }
}
