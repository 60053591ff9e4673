package io.streamlimit.scenario;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.rules.FunctionFaults;

/**
 * The consumer function.
 *
 * <p>A consumer built in code checks AWS's API limits as documented today
 * ({@link AwsBehaviour#current()}); the account's unreserved pool differs per account, so only
 * {@link #validate(AwsBehaviour)}, given the behaviour the scenario runs under, checks against it.
 *
 * @param reservedConcurrency null: no reservation, the account's unreserved pool applies; 0 is
 *     allowed (AWS's way to stop a function) but nothing then runs
 * @param maximumConcurrency the event source mapping's ScalingConfig.MaximumConcurrency, or null
 * @param provisionedConcurrency execution environments Lambda keeps initialized before the run
 *     (provisioned concurrency on an alias); 0, the default, is none. At most the reserved
 *     concurrency when there is one (AWS refuses more), else the account's unreserved pool
 * @param errorRate the share of records the handler fails, 0 to 1 (default 0): from an SQS batch
 *     it reports them in batchItemFailures (the mapping has ReportBatchItemFailures on), so they
 *     come back after the visibility timeout; an async event is alone in its invocation, which
 *     then fails and is retried by Lambda
 * @param timeoutRate the share of invocations that hang until the function timeout, 0 to 1
 *     (default 0): the whole batch (or the async event) fails
 * @param snapStart Lambda SnapStart on the function's published versions (default false): new
 *     environments restore a snapshot instead of initializing. AWS refuses it with provisioned
 *     concurrency, and the 2020 profile has none
 */
public record ConsumerSpec(
        Integer reservedConcurrency,
        Integer maximumConcurrency,
        int timeoutSeconds,
        int memoryMb,
        int provisionedConcurrency,
        double errorRate,
        double timeoutRate,
        boolean snapStart) {

    /** Defaults for keys a scenario file may omit. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 10;
    public static final int DEFAULT_MEMORY_MB = 512;

    public ConsumerSpec {
        check(reservedConcurrency, maximumConcurrency, timeoutSeconds, memoryMb, provisionedConcurrency,
                AwsBehaviour.current(), false);
        share("consumer.errorRate", errorRate);
        share("consumer.timeoutRate", timeoutRate);
        // "SnapStart does not support provisioned concurrency" (snapstart.html).
        if (snapStart && provisionedConcurrency > 0) {
            throw new ScenarioException("consumer.snapStart", "cannot be combined with consumer.provisionedConcurrency ("
                    + provisionedConcurrency + "): AWS does not support SnapStart with provisioned concurrency;"
                    + " remove one of them");
        }
    }

    /** Without SnapStart. */
    public ConsumerSpec(Integer reservedConcurrency, Integer maximumConcurrency, int timeoutSeconds, int memoryMb,
                        int provisionedConcurrency, double errorRate, double timeoutRate) {
        this(reservedConcurrency, maximumConcurrency, timeoutSeconds, memoryMb, provisionedConcurrency, errorRate,
                timeoutRate, false);
    }

    /** A consumer that never fails on its own. */
    public ConsumerSpec(Integer reservedConcurrency, Integer maximumConcurrency, int timeoutSeconds, int memoryMb,
                        int provisionedConcurrency) {
        this(reservedConcurrency, maximumConcurrency, timeoutSeconds, memoryMb, provisionedConcurrency, 0, 0);
    }

    /** Without provisioned concurrency. */
    public ConsumerSpec(Integer reservedConcurrency, Integer maximumConcurrency, int timeoutSeconds, int memoryMb) {
        this(reservedConcurrency, maximumConcurrency, timeoutSeconds, memoryMb, 0);
    }

    /**
     * Checks this consumer against the limits and quotas of {@code aws}.
     *
     * @return this consumer
     * @throws ScenarioException naming the first key AWS would refuse
     */
    public ConsumerSpec validate(AwsBehaviour aws) {
        check(reservedConcurrency, maximumConcurrency, timeoutSeconds, memoryMb, provisionedConcurrency, aws, true);
        if (snapStart && !aws.snapStartAvailable()) {
            throw new ScenarioException("consumer.snapStart",
                    "not available under this AWS profile (SnapStart came in November 2022); remove it or use the current profile");
        }
        return this;
    }

    /** This consumer with {@code provisioned} environments kept initialized. */
    public ConsumerSpec withProvisionedConcurrency(int provisioned) {
        return new ConsumerSpec(reservedConcurrency, maximumConcurrency, timeoutSeconds, memoryMb, provisioned,
                errorRate, timeoutRate, snapStart);
    }

    /** This consumer failing {@code errorRate} of its records and timing out on {@code timeoutRate} of its invocations. */
    public ConsumerSpec withFaults(double errorRate, double timeoutRate) {
        return new ConsumerSpec(reservedConcurrency, maximumConcurrency, timeoutSeconds, memoryMb,
                provisionedConcurrency, errorRate, timeoutRate, snapStart);
    }

    /** This consumer with SnapStart on ({@code true}) or off. */
    public ConsumerSpec withSnapStart(boolean on) {
        return new ConsumerSpec(reservedConcurrency, maximumConcurrency, timeoutSeconds, memoryMb,
                provisionedConcurrency, errorRate, timeoutRate, on);
    }

    /** The consumer's own failures, as the engines draw them. */
    public FunctionFaults faults() {
        return errorRate == 0 && timeoutRate == 0 ? FunctionFaults.NONE : new FunctionFaults(errorRate, timeoutRate);
    }

    private static void share(String key, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new ScenarioException(key, "must be a share from 0 to 1 (0.05 is 5 %), got " + value);
        }
    }

    /**
     * @param quotas also check the upper bounds the account's quotas set (the unreserved pool); a
     *     consumer built in code may assume a larger pool than today's default
     */
    private static void check(Integer reservedConcurrency, Integer maximumConcurrency, int timeoutSeconds, int memoryMb,
            int provisionedConcurrency, AwsBehaviour aws, boolean quotas) {
        // AWS keeps unreservedMinimum of the account's concurrency free of reservations.
        if (reservedConcurrency != null && (quotas || reservedConcurrency < 0)) {
            Checks.range("consumer.reservedConcurrency", reservedConcurrency, 0, aws.unreservedConcurrency());
        }
        Checks.optionalRange("consumer.maximumConcurrency", maximumConcurrency,
                aws.minMaximumConcurrency(), aws.maxMaximumConcurrency());
        Checks.range("consumer.timeoutSeconds", timeoutSeconds, 1, aws.maxFunctionTimeoutSeconds());
        Checks.range("consumer.memoryMb", memoryMb, aws.minMemoryMb(), aws.maxMemoryMb());
        // PutProvisionedConcurrencyConfig: no more than the function's reserved concurrency, and
        // without a reservation no more than the account's unreserved pool.
        int maxProvisioned = reservedConcurrency != null ? reservedConcurrency : aws.unreservedConcurrency();
        boolean tooMany = provisionedConcurrency > maxProvisioned && (reservedConcurrency != null || quotas);
        if (provisionedConcurrency < 0 || tooMany) {
            throw new ScenarioException("consumer.provisionedConcurrency", "must be 0 to " + maxProvisioned
                    + (reservedConcurrency != null
                            ? " (at most consumer.reservedConcurrency, " + reservedConcurrency + ")"
                            : " (the account's unreserved concurrency)")
                    + ", got " + provisionedConcurrency);
        }
    }
}
