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
        this.ceiling = ceiling;
        this.burst = burst;
        this.addedPerWindow = addedPerWindow;
        this.windowMillis = windowMillis;
        this.coldStartMillis = coldStartMillis;
        this.invokeOverheadMillis = invokeOverheadMillis;
    }

    /** @param reservedConcurrency the function's reservation, or null for the unreserved pool */
    public static FunctionScaling of(AwsBehaviour aws, Integer reservedConcurrency) {
        int ceiling = reservedConcurrency != null ? reservedConcurrency : aws.unreservedConcurrency();
        return new FunctionScaling(ceiling, aws.environmentBurst(), aws.environmentsAddedPerWindow(),
                aws.scalingWindow().toMillis(), aws.coldStart().toMillis(), aws.invokeOverhead().toMillis());
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

    /** From the invoke to the handler's start: the per-invoke overhead, plus the init of a cold start. */
    public long startDelayMillis(Placement placement) {
        return invokeOverheadMillis + (placement == Placement.COLD ? coldStartMillis : 0);
    }

    public long coldStartMillis() {
        return coldStartMillis;
    }
}
