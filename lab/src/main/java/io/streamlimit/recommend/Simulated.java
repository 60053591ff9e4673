package io.streamlimit.recommend;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.metrics.CostEstimator;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.SimulationResult;
import io.streamlimit.sim.SimulationStats;
import io.streamlimit.sim.Simulator;

/**
 * A candidate and the figures of its simulated run: what {@link Ranking} orders.
 *
 * @param order the order the candidate was tried in; the last tie-breaker (AWS's guidance first)
 * @param lost events that did not complete (dead-lettered or still in flight)
 * @param costUsd the estimated AWS cost of the run
 * @param stoppedEarly the run was stopped at its first lost event or second over the limit (it
 *     cannot win); its figures are those at that moment, {@code lost} the events dead-lettered so far
 */
record Simulated(int order, Candidate candidate, SimulationStats stats, long lost, double costUsd,
                 boolean stoppedEarly) {

    Simulated(int order, Candidate candidate, SimulationStats stats, long lost, double costUsd) {
        this(order, candidate, stats, lost, costUsd, false);
    }

    /** Simulates {@code candidate} with the request's seed, to the end or, if {@code prune}, to its first loss or second over the limit. */
    static Simulated run(int order, Candidate candidate, RecommendRequest request, CostEstimator costEstimator,
                         AwsBehaviour behaviour, boolean prune) {
        SimulationOptions options = new SimulationOptions(request.seed(), null, "recommend-" + order, behaviour);
        SimulationResult result = Simulator.run(candidate.scenario(),
                prune ? options.stoppingOnLossOrOverLimit() : options);
        SimulationStats stats = result.stats();
        long lost = result.stoppedEarly() ? stats.failed() : stats.totalEvents() - stats.completed();
        return new Simulated(order, candidate, stats, lost, costEstimator.costUsd(result.runData()),
                result.stoppedEarly());
    }

    /** True when any invoke was throttled (see {@link Ranking} for why that counts). */
    boolean throttled() {
        return stats.throttles() > 0;
    }

    long timeTakenMillis() {
        return stats.timeTakenMillis();
    }
}
