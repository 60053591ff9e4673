package io.streamlimit.aws.rules;

import io.streamlimit.aws.AwsBehaviour;

/**
 * Where Lambda runs an invocation, or whether it throttles it. Reserved concurrency is the
 * ceiling (else the account's unreserved pool); provisioned environments are used first, then
 * warm on-demand ones; a new environment is a cold start, and the function may create at most
 * {@code environmentBurst} at once and {@code environmentsAddedPerWindow} more per
 * {@code scalingWindow} after its first invocation (2020: 3,000 then 500 a minute; since
 * November 2023: 1,000 every 10 s).
 */
public final class FunctionScaling {

    /** Where an invocation runs. */
    public enum Placement { PROVISIONED, WARM, COLD, THROTTLED }

    /**
     * What becomes of an environment when its invocation ends. Documented: "If the Lambda function
     * crashes or times out during the Invoke phase, Lambda resets the execution environment ... If
     * another Invoke event results in this execution environment being reused, Lambda initializes
     * the runtime and extensions as part of the next invocation"
     * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html). A function
     * error the runtime reports (an exception the handler throws) is no crash: the environment is
     * kept as it is.
     */
    public enum EnvironmentAfter {
        /** Back to the pool, warm. */
        KEEP,
        /** Back to the pool (it still counts as an environment), its state gone: its next invocation runs the init first. */
        RESET
    }

    private final int ceiling;
    private final long burst;
    private final long addedPerWindow;
    private final long windowMillis;
    private final long coldStartMillis;
    private final long invokeOverheadMillis;
    private long firstUseAt = Long.MIN_VALUE;
    private long created;

    public FunctionScaling(int ceiling, long burst, long addedPerWindow, long windowMillis, long coldStartMillis,
                           long invokeOverheadMillis) {
        RuleChecks.nonNegative("ceiling", ceiling);
        RuleChecks.positive("burst", burst);
        RuleChecks.nonNegative("addedPerWindow", addedPerWindow);
        RuleChecks.positive("windowMillis", windowMillis);
        RuleChecks.nonNegative("coldStartMillis", coldStartMillis);
        RuleChecks.nonNegative("invokeOverheadMillis", invokeOverheadMillis);
        this.ceiling = ceiling;
        this.burst = burst;
        this.addedPerWindow = addedPerWindow;
        this.windowMillis = windowMillis;
        this.coldStartMillis = coldStartMillis;
        this.invokeOverheadMillis = invokeOverheadMillis;
    }

    /** @param reservedConcurrency the function's reservation, or null for the unreserved pool */
    public static FunctionScaling of(AwsBehaviour aws, Integer reservedConcurrency) {
        return of(aws, reservedConcurrency, false);
    }

    /**
     * @param reservedConcurrency the function's reservation, or null for the unreserved pool
     * @param snapStart new environments restore a snapshot instead of initializing ({@link EnvironmentInit})
     */
    public static FunctionScaling of(AwsBehaviour aws, Integer reservedConcurrency, boolean snapStart) {
        int ceiling = reservedConcurrency != null ? reservedConcurrency : aws.unreservedConcurrency();
        return new FunctionScaling(ceiling, aws.environmentBurst(), aws.environmentsAddedPerWindow(),
                aws.scalingWindow().toMillis(), EnvironmentInit.millis(aws, snapStart), aws.invokeOverhead().toMillis());
    }

    public int ceiling() {
        return ceiling;
    }

    /**
     * Decides one invoke: throttled when {@code busy} invocations already run (or no environment
     * may be created yet); otherwise the kind of environment it runs on. A COLD placement counts
     * as created.
     */
    public Placement place(long now, int busy, boolean provisionedIdle, boolean warmIdle) {
        RuleChecks.nonNegative("busy", busy);
        if (busy >= ceiling) {
            return Placement.THROTTLED;
        }
        if (provisionedIdle) {
            return Placement.PROVISIONED;
        }
        if (warmIdle) {
            return Placement.WARM;
        }
        if (firstUseAt == Long.MIN_VALUE) {
            firstUseAt = now;
        }
        long allowed = burst + addedPerWindow * ((now - firstUseAt) / windowMillis);
        if (created >= allowed) {
            return Placement.THROTTLED;
        }
        created++;
        return Placement.COLD;
    }

    /**
     * From the invoke to the handler's start: the per-invoke overhead, plus the init of a cold
     * start or of an environment reset by its last invocation. The overhead counts from the invoke
     * (a poller holding its batch, the async queue's read), not from the SQS receive before it: the
     * receive is an SQS call whose latency each engine has of its own (the simulator's assumed
     * {@code Latencies.SQS_CALL_MILLIS}, the emulator's real one). The 30 ms was fitted with the
     * simulator's 10 ms receive before it (docs/MODEL.md).
     */
    public long startDelayMillis(Placement placement, boolean resetEnvironment) {
        if (placement == Placement.THROTTLED) {
            throw new IllegalArgumentException("placement: a throttled invoke does not start");
        }
        boolean init = placement == Placement.COLD || resetEnvironment;
        return invokeOverheadMillis + (init ? coldStartMillis : 0);
    }

    /** What becomes of the environment of an invocation that ended, timed out or not. */
    public static EnvironmentAfter environmentAfter(boolean timedOut) {
        return timedOut ? EnvironmentAfter.RESET : EnvironmentAfter.KEEP;
    }

    /** The init (or SnapStart restore) a new or reset environment pays: what a cold start costs in time. */
    public long coldStartMillis() {
        return coldStartMillis;
    }
}
