package io.streamlimit.recommend;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.metrics.CostEstimator;
import io.streamlimit.metrics.EventWaits;
import io.streamlimit.metrics.Latency;
import io.streamlimit.scenario.DayTraffic;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.SimulationResult;
import io.streamlimit.sim.SimulationStats;
import io.streamlimit.sim.Simulator;
import java.util.ArrayList;
import java.util.List;

/**
 * A candidate and the figures of its simulated run: what {@link Ranking} orders.
 *
 * @param order the order the candidate was tried in; the last tie-breaker (AWS's guidance first)
 * @param lost events that did not complete (dead-lettered or still in flight)
 * @param costUsd the estimated AWS cost as deployed for the run's traffic ({@link CostEstimator#deployedCostUsd})
 * @param stoppedEarly the run was stopped at its first lost event or second over the limit (it
 *     cannot win); its figures are those at that moment, {@code lost} the events dead-lettered so far
 * @param latency publish to applied over the events applied (the metrics' {@link EventWaits})
 * @param spikeLatency the same over the events published during the day pattern's spikes; null
 *     for other traffic
 * @param ranges over several seeds, each ranked figure's smallest and largest value (the others
 *     then hold the medians, see {@link SeedMedians}); null for one seed or a run stopped early
 *
 * <p>{@link Ranking} reads only these figures, so a run over seeds hands it one Simulated per
 * candidate holding each figure's median.
 */
record Simulated(int order, Candidate candidate, SimulationStats stats, long lost, double costUsd,
                 boolean stoppedEarly, Latency latency, Latency spikeLatency, SeedRanges ranges) {

    Simulated {
        latency = latency == null ? Latency.NONE : latency;
    }

    Simulated(int order, Candidate candidate, SimulationStats stats, long lost, double costUsd) {
        this(order, candidate, stats, lost, costUsd, false, Latency.NONE, null, null);
    }

    Simulated(int order, Candidate candidate, SimulationStats stats, long lost, double costUsd,
              boolean stoppedEarly, Latency latency, Latency spikeLatency) {
        this(order, candidate, stats, lost, costUsd, stoppedEarly, latency, spikeLatency, null);
    }

    Simulated(int order, Candidate candidate, SimulationStats stats, long lost, double costUsd, Latency latency) {
        this(order, candidate, stats, lost, costUsd, false, latency, null, null);
    }

    /**
     * Simulates {@code candidate} with the request's seeds, each to the end or, if {@code prune}, to
     * its first loss or second over the limit. Over several seeds: the medians and ranges
     * ({@link SeedMedians}); a candidate stopped early at any seed is that seed's stopped run, so it
     * cannot win on the median of the others.
     */
    static Simulated run(int order, Candidate candidate, RecommendRequest request, CostEstimator costEstimator,
                         AwsBehaviour behaviour, boolean prune) {
        List<Simulated> runs = new ArrayList<>();
        for (int i = 0; i < request.seeds(); i++) {
            Simulated s = runSeed(order, candidate, request, request.seed() + i, costEstimator, behaviour, prune);
            if (s.stoppedEarly() || request.seeds() == 1) {
                return s;
            }
            runs.add(s);
        }
        return SeedMedians.of(request.seed(), runs);
    }

    private static Simulated runSeed(int order, Candidate candidate, RecommendRequest request, long seed,
                                     CostEstimator costEstimator, AwsBehaviour behaviour, boolean prune) {
        SimulationOptions options = new SimulationOptions(seed, null, "recommend-" + order, behaviour);
        SimulationResult result = Simulator.run(candidate.scenario(),
                prune ? options.stoppingOnLossOrOverLimit() : options);
        SimulationStats stats = result.stats();
        long lost = result.stoppedEarly() ? stats.failed() : stats.totalEvents() - stats.completed();
        EventWaits waits = EventWaits.of(result.runData());
        Latency spikes = request.traffic() instanceof DayTraffic day
                ? waits.latencyOfSent(at -> inSpike(day, at - Simulator.EPOCH.toEpochMilli())) : null;
        return new Simulated(order, candidate, stats, lost, costEstimator.deployedCostUsd(result.runData()),
                result.stoppedEarly(), waits.latency(), spikes);
    }

    /** True when {@code millis} after the traffic's start falls in one of the day pattern's spikes. */
    static boolean inSpike(DayTraffic day, long millis) {
        long second = Math.floorDiv(millis, 1_000L);
        return second >= 0 && second % day.spikeEverySeconds() < day.spikeSeconds();
    }

    /** The 99th percentile of publish to applied, what the latency bound and the tie-break read. */
    long p99Millis() {
        return latency.p99Millis();
    }

    /** True when any invoke was throttled (see {@link Ranking} for why that counts). */
    boolean throttled() {
        return stats.throttles() > 0;
    }

    long timeTakenMillis() {
        return stats.timeTakenMillis();
    }
}
