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
 */
record Simulated(int order, Candidate candidate, SimulationStats stats, long lost, double costUsd) {

    /** Simulates {@code candidate} with the request's seed. */
    static Simulated run(int order, Candidate candidate, RecommendRequest request, CostEstimator costEstimator,
                         AwsBehaviour behaviour) {
        SimulationResult result = Simulator.run(candidate.scenario(),
                new SimulationOptions(request.seed(), null, "recommend-" + order, behaviour));
        SimulationStats stats = result.stats();
        return new Simulated(order, candidate, stats, stats.totalEvents() - stats.completed(),
                costEstimator.costUsd(result.runData()));
    }

    /** True when any invoke was throttled (see {@link Ranking} for why that counts). */
    boolean throttled() {
        return stats.throttles() > 0;
    }

    long timeTakenMillis() {
        return stats.timeTakenMillis();
    }
}
