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

    /**
     * What one mapping's scaling depends on.
     *
     * @param invokesPerPoller in provisioned mode, the concurrent invokes one event poller carries
     *     (0 in standard mode, which has no pollers to count)
     * @param minimumPollers in provisioned mode, the pollers kept (and billed) even when idle; 0 in
     *     standard mode
     */
    public record Settings(int idleFloor, int ceiling, double addedPerTick, double removedPerThrottle,
                           double removedPerError, long tickMillis, int invokesPerPoller, int minimumPollers) {

        /** Standard mode: no pollers of the user's. */
        public Settings(int idleFloor, int ceiling, double addedPerTick, double removedPerThrottle,
                        double removedPerError, long tickMillis) {
            this(idleFloor, ceiling, addedPerTick, removedPerThrottle, removedPerError, tickMillis, 0, 0);
        }

        /** Standard mode (the default), with ScalingConfig.MaximumConcurrency or null for none. */
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

        /**
         * The mapping's mode as configured: provisioned when it has pollers (both or neither),
         * else standard mode with MaximumConcurrency or null.
         *
         * @throws IllegalArgumentException for pollers with MaximumConcurrency, which AWS refuses
         */
        public static Settings of(AwsBehaviour aws, Integer maximumConcurrency, Integer minimumPollers,
                                  Integer maximumPollers) {
            if (minimumPollers == null && maximumPollers == null) {
                return of(aws, maximumConcurrency);
            }
            RuleChecks.required("minimumPollers", minimumPollers);
            RuleChecks.required("maximumPollers", maximumPollers);
            if (maximumConcurrency != null) {
                throw new IllegalArgumentException("maximumConcurrency: cannot be combined with provisioned pollers, got "
                        + maximumConcurrency);
            }
            return provisioned(aws, minimumPollers, maximumPollers);
        }

        /**
         * Provisioned mode (ProvisionedPollerConfig): the minimum pollers' invokes are always
         * there (the idle floor), the maximum pollers' are the ceiling (MaximumConcurrency cannot
         * be set with it), and it grows at the faster provisioned rate. Throttles and errors back
         * it off as in standard mode: AWS documents no other backoff for it.
         *
         * @throws IllegalArgumentException when the behaviour has no provisioned mode, or the
         *     pollers are outside its ranges
         */
        public static Settings provisioned(AwsBehaviour aws, int minimumPollers, int maximumPollers) {
            RuleChecks.required("aws", aws);
            if (!aws.provisionedPollersAvailable()) {
                throw new IllegalArgumentException("aws: has no provisioned mode (maxMaximumPollers 0)");
            }
            RuleChecks.range("minimumPollers", minimumPollers, aws.minMinimumPollers(), aws.maxMinimumPollers());
            RuleChecks.range("maximumPollers", maximumPollers, Math.max(minimumPollers, aws.minMaximumPollers()),
                    aws.maxMaximumPollers());
            long tick = aws.mappingScalingTick().toMillis();
            int perPoller = aws.concurrentInvokesPerPoller();
            return new Settings(minimumPollers * perPoller, maximumPollers * perPoller,
                    aws.provisionedConcurrentInvokesAddedPerMinute() * tick / 60_000.0,
                    aws.mappingBatchesRemovedPerThrottle(), aws.mappingBatchesRemovedPerError(), tick,
                    perPoller, minimumPollers);
        }

        /** True in provisioned mode. */
        public boolean provisioned() {
            return invokesPerPoller > 0;
        }

        /** The same mapping with no more than {@code most} batches (a local emulator's thread cap). */
        public Settings capped(int most) {
            return new Settings(Math.min(idleFloor, most), Math.min(ceiling, most), addedPerTick, removedPerThrottle,
                    removedPerError, tickMillis, invokesPerPoller, minimumPollers);
        }
    }

    private final Settings settings;
    private double target;
    private long lastThrottleAt = Long.MIN_VALUE / 2;
    private long pollerMillisAboveMinimum;

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
        RuleChecks.nonNegative("settings.invokesPerPoller", settings.invokesPerPoller());
        RuleChecks.nonNegative("settings.minimumPollers", settings.minimumPollers());
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

    /**
     * One scaling tick: up while messages wait, down towards the idle floor while none do. In
     * provisioned mode the pollers above the minimum that the tick ran on are billed for it.
     */
    public void tick(long now, boolean messagesWaiting) {
        pollerMillisAboveMinimum += (long) (pollers() - settings.minimumPollers()) * settings.tickMillis();
        target = messagesWaiting
                ? Math.min(settings.ceiling(), target + settings.addedPerTick())
                : Math.max(settings.idleFloor(), target - settings.addedPerTick());
    }

    /**
     * Event pollers running now in provisioned mode: enough for the target's invokes, never fewer
     * than the minimum; 0 in standard mode.
     */
    public int pollers() {
        if (!settings.provisioned()) {
            return 0;
        }
        int perPoller = settings.invokesPerPoller();
        return Math.max(settings.minimumPollers(), (target() + perPoller - 1) / perPoller);
    }

    /** The minimum pollers, billed around the clock as deployed; 0 in standard mode. */
    public int minimumPollers() {
        return settings.minimumPollers();
    }

    /** Poller-milliseconds above the minimum so far, tick by tick: what scaling up adds to the bill. */
    public long pollerMillisAboveMinimum() {
        return pollerMillisAboveMinimum;
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
