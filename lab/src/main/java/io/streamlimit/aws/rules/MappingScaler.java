package io.streamlimit.aws.rules;

import io.streamlimit.aws.AwsBehaviour;

/**
 * How many batches an SQS event source mapping keeps in flight. While messages wait it adds
 * {@code concurrentBatchesAddedPerMinute} (pro rata per scaling tick) up to MaximumConcurrency or
 * the service's ceiling; with none waiting it falls back towards its idle floor. It does not look
 * at the function's reserved concurrency, but it backs off: every throttled invoke, and every
 * failed batch unless ReportBatchItemFailures reports the failures item by item, removes a
 * fitted share of a batch. Growth per tick against shrinkage per throttle is an additive-increase,
 * proportional-decrease controller: under a reservation it settles where the throttles it causes
 * balance its growth.
 *
 * <p>A mapping that has idled before the run (as in every experiment) starts at its idle floor:
 * as low as {@code minConcurrentBatches} (2), but with MaximumConcurrency set AWS does not scale
 * it below {@code initialConcurrentBatches} (5). The June 2020 trace's SQS consumer without a
 * limit started with 2 environments.
 */
public final class MappingScaler {

    /** What one mapping's scaling depends on. */
    public record Settings(int idleFloor, int ceiling, double addedPerTick, double removedPerThrottle,
                           double removedPerError, long tickMillis) {

        public static Settings of(AwsBehaviour aws, Integer maximumConcurrency) {
            int ceiling = maximumConcurrency == null
                    ? aws.maxConcurrentBatches()
                    : Math.min(maximumConcurrency, aws.maxConcurrentBatches());
            long tick = aws.mappingScalingTick().toMillis();
            int idleFloor = maximumConcurrency == null ? aws.minConcurrentBatches() : aws.initialConcurrentBatches();
            return new Settings(Math.min(idleFloor, ceiling), ceiling,
                    aws.concurrentBatchesAddedPerMinute() * tick / 60_000.0,
                    aws.mappingBatchesRemovedPerThrottle(), aws.mappingBatchesRemovedPerError(), tick);
        }

        /** The same mapping with no more than {@code most} batches (a local emulator's thread cap). */
        public Settings capped(int most) {
            return new Settings(Math.min(idleFloor, most), Math.min(ceiling, most), addedPerTick, removedPerThrottle,
                    removedPerError, tickMillis);
        }
    }

    private final Settings settings;
    private double target;
    private long lastThrottleAt = Long.MIN_VALUE / 2;

    public MappingScaler(Settings settings) {
        RuleChecks.required("settings", settings);
        RuleChecks.positive("settings.idleFloor", settings.idleFloor());
        if (settings.ceiling() < settings.idleFloor()) {
            throw new IllegalArgumentException("settings.ceiling: must be at least the idle floor " + settings.idleFloor()
                    + ", got " + settings.ceiling());
        }
        RuleChecks.nonNegative("settings.addedPerTick", settings.addedPerTick());
        RuleChecks.nonNegative("settings.removedPerThrottle", settings.removedPerThrottle());
        RuleChecks.nonNegative("settings.removedPerError", settings.removedPerError());
        RuleChecks.positive("settings.tickMillis", settings.tickMillis());
        this.settings = settings;
        this.target = settings.idleFloor();
    }

    /** Batches the mapping wants in flight now. */
    public int target() {
        return (int) Math.floor(target);
    }

    public long tickMillis() {
        return settings.tickMillis();
    }

    /** One scaling tick: up while messages wait, down towards the idle floor while none do. */
    public void tick(long now, boolean messagesWaiting) {
        target = messagesWaiting
                ? Math.min(settings.ceiling(), target + settings.addedPerTick())
                : Math.max(settings.idleFloor(), target - settings.addedPerTick());
    }

    /** An invoke of this mapping's was throttled. */
    public void throttled(long now) {
        lastThrottleAt = now;
        shrink(settings.removedPerThrottle());
    }

    /**
     * A batch failed (function error or timeout). With ReportBatchItemFailures, failures the
     * function reports item by item do not scale the mapping down.
     */
    public void batchFailed(long now, boolean reportedItemByItem) {
        if (!reportedItemByItem) {
            shrink(settings.removedPerError());
        }
    }

    /**
     * True while the mapping backs off from throttles: one within the last scaling tick. Its
     * pollers then space their invoke attempts at random ({@link InvokeRetry}). Function errors
     * shrink the mapping but do not space its invokes: the real runs show the spacing only under
     * throttles.
     */
    public boolean backingOff(long now) {
        return now - lastThrottleAt < settings.tickMillis();
    }

    private void shrink(double by) {
        target = Math.max(settings.idleFloor(), target - by);
    }
}
