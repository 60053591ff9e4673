package io.streamlimit.recommend;

import io.streamlimit.scenario.ArrivalPattern;
import io.streamlimit.scenario.DayTraffic;
import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.Traffic;
import io.streamlimit.sim.SeedRuns;

/**
 * What to recommend a configuration for.
 *
 * @param limitPerSecond the downstream's limit, calls per second
 * @param events how many events the candidates are simulated with
 * @param pattern {@code BURST} or {@code RATE}
 * @param ratePerSecond the arrival rate, only with {@code RATE}
 * @param callMillis how long one downstream call (one invocation) lasts; 1,000 in the original
 *     experiments, which is what paces each environment to one batch a second
 * @param seed the simulations' seed
 * @param traffic with {@code DAY} or {@code REPLAY}: the traffic second by second; {@code events}
 *     is then at most its events (the first ones)
 * @param maxP99Millis a bound on the 99th percentile of publish to applied, or null for none: a
 *     candidate above it ranks below every candidate within it that loses no more and is over the
 *     limit no longer
 * @param seeds how many seeds each candidate is simulated with ({@code seed} onwards, 1 to
 *     {@link SeedRuns#MAX_SEEDS}): over more than one, candidates rank on each figure's median
 */
public record RecommendRequest(int limitPerSecond, int events, ArrivalPattern pattern, Integer ratePerSecond,
                               int callMillis, long seed, Traffic traffic, Long maxP99Millis, int seeds) {

    public RecommendRequest(int limitPerSecond, int events, ArrivalPattern pattern, Integer ratePerSecond,
                            int callMillis, long seed, Traffic traffic, Long maxP99Millis) {
        this(limitPerSecond, events, pattern, ratePerSecond, callMillis, seed, traffic, maxP99Millis, 1);
    }

    public RecommendRequest(int limitPerSecond, int events, ArrivalPattern pattern, Integer ratePerSecond,
                            int callMillis, long seed, Traffic traffic) {
        this(limitPerSecond, events, pattern, ratePerSecond, callMillis, seed, traffic, null);
    }

    public RecommendRequest(int limitPerSecond, int events, ArrivalPattern pattern, Integer ratePerSecond,
                            int callMillis, long seed) {
        this(limitPerSecond, events, pattern, ratePerSecond, callMillis, seed, null);
    }

    public static final int DEFAULT_CALL_MILLIS = 1_000;
    public static final long DEFAULT_SEED = 1;

    public RecommendRequest {
        if (limitPerSecond < 1) {
            throw new IllegalArgumentException("limit: must be at least 1 per second, got " + limitPerSecond);
        }
        if (events < 1 || events > EventsSpec.MAX_TOTAL) {
            throw new IllegalArgumentException("events: must be 1 to " + EventsSpec.MAX_TOTAL + ", got " + events);
        }
        if (pattern == null || pattern == ArrivalPattern.SPIKES) {
            throw new IllegalArgumentException("pattern: must be burst, rate, day or replay, got " + pattern);
        }
        boolean perSecond = pattern == ArrivalPattern.DAY || pattern == ArrivalPattern.REPLAY;
        if (perSecond != (traffic != null)) {
            throw new IllegalArgumentException("traffic: needed with pattern day or replay only, pattern is " + pattern);
        }
        if (traffic != null && events > traffic.counts().total()) {
            throw new IllegalArgumentException("events: the traffic has " + traffic.counts().total()
                    + " events, fewer than " + events);
        }
        if (pattern == ArrivalPattern.RATE && (ratePerSecond == null || ratePerSecond < 1)) {
            throw new IllegalArgumentException("rate: pattern rate needs a rate of at least 1 per second, got "
                    + ratePerSecond);
        }
        if (pattern == ArrivalPattern.BURST) {
            ratePerSecond = null;
        }
        if (callMillis < 1 || callMillis > 60_000) {
            throw new IllegalArgumentException("callMillis: must be 1 to 60000, got " + callMillis);
        }
        if (maxP99Millis != null && maxP99Millis < 1) {
            throw new IllegalArgumentException("maxP99: must be at least 1 ms, got " + maxP99Millis + " ms");
        }
        if (seeds < 1 || seeds > SeedRuns.MAX_SEEDS) {
            throw new IllegalArgumentException("seeds: must be 1 to " + SeedRuns.MAX_SEEDS + ", got " + seeds);
        }
    }

    /** The same request with a bound on the p99 latency (null: none). */
    public RecommendRequest withMaxP99Millis(Long bound) {
        return new RecommendRequest(limitPerSecond, events, pattern, ratePerSecond, callMillis, seed, traffic, bound,
                seeds);
    }

    /** The same request with each candidate simulated over {@code count} seeds from {@link #seed}. */
    public RecommendRequest withSeeds(int count) {
        return new RecommendRequest(limitPerSecond, events, pattern, ratePerSecond, callMillis, seed, traffic,
                maxP99Millis, count);
    }

    /** True when the run's p99 latency is above the bound (never without one). */
    boolean aboveLatencyBound(long p99Millis) {
        return maxP99Millis != null && p99Millis > maxP99Millis;
    }

    public static RecommendRequest burst(int limitPerSecond, int events) {
        return new RecommendRequest(limitPerSecond, events, ArrivalPattern.BURST, null, DEFAULT_CALL_MILLIS,
                DEFAULT_SEED);
    }

    /** Every event of a day or replayed traffic. */
    public static RecommendRequest of(int limitPerSecond, Traffic traffic) {
        return new RecommendRequest(limitPerSecond, (int) traffic.counts().total(),
                traffic instanceof DayTraffic ? ArrivalPattern.DAY : ArrivalPattern.REPLAY, null, DEFAULT_CALL_MILLIS,
                DEFAULT_SEED, traffic);
    }

    public static RecommendRequest rate(int limitPerSecond, int events, int ratePerSecond) {
        return new RecommendRequest(limitPerSecond, events, ArrivalPattern.RATE, ratePerSecond, DEFAULT_CALL_MILLIS,
                DEFAULT_SEED);
    }

    EventsSpec eventsSpec() {
        if (traffic != null) {
            return EventsSpec.of(traffic).withTotal(events);
        }
        return pattern == ArrivalPattern.RATE ? EventsSpec.rate(events, ratePerSecond) : EventsSpec.burst(events);
    }

    /** The least time any configuration can take: the events at the limit (or their arrival, if slower). */
    long idealMillis() {
        long atLimit = (long) events * 1_000 / limitPerSecond;
        long arrival = traffic != null ? traffic.counts().releaseMillis(events - 1)
                : pattern == ArrivalPattern.RATE ? (long) events * 1_000 / ratePerSecond : 0;
        return Math.max(atLimit, arrival);
    }
}
