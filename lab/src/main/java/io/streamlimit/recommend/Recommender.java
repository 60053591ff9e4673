package io.streamlimit.recommend;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.metrics.CostEstimator;
import io.streamlimit.metrics.CostModel;
import io.streamlimit.results.RunData;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.SimulationResult;
import io.streamlimit.sim.SimulationStats;
import io.streamlimit.sim.Simulator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the configuration that feeds a rate-limited downstream best, by simulating candidates
 * (see {@link CandidateSpace}) and ranking them: no event lost, then no second over the limit,
 * then the shortest time (in whole seconds), then the lowest cost. Candidates are simulated in
 * parallel, each with the same seed, so the answer does not depend on the thread count.
 */
public final class Recommender {

    /** Counts billable requests instead of pricing them, for callers without a cost model. */
    public static final CostEstimator REQUEST_COUNT = data -> data.run().requestCounts().getOrDefault(
            CostModel.LAMBDA_INVOCATIONS, 0L) + data.run().requestCounts().getOrDefault(CostModel.SQS_REQUESTS, 0L);

    private static final Comparator<Scored> RANKING = Comparator
            .comparingLong((Scored s) -> s.lost)
            .thenComparingLong(s -> s.stats.secondsOverLimit())
            .thenComparingLong(s -> seconds(s.stats))
            .thenComparingDouble(s -> s.costUsd)
            .thenComparingInt(s -> s.order);

    private final CostEstimator costEstimator;
    private final AwsBehaviour behaviour;

    /** Prices runs with the list-price {@link CostModel} and the current AWS behaviour. */
    public Recommender() {
        this(new CostModel(), AwsBehaviour.CURRENT);
    }

    public Recommender(CostEstimator costEstimator) {
        this(costEstimator, AwsBehaviour.CURRENT);
    }

    public Recommender(CostEstimator costEstimator, AwsBehaviour behaviour) {
        this.costEstimator = costEstimator;
        this.behaviour = behaviour;
    }

    public Recommendation recommend(RecommendRequest request) {
        CandidateSpace space = new CandidateSpace(request);
        List<Scored> scored = new ArrayList<>();
        for (Candidate candidate : space.candidates()) {
            scored.add(new Scored(scored.size(), candidate));
        }
        simulate(scored, request);
        // Second round: where messages were lost, would more receives have saved them?
        List<Scored> retries = new ArrayList<>();
        for (Scored s : scored) {
            Candidate more = s.lost > 0 ? space.moreReceives(s.candidate) : null;
            if (more != null) {
                retries.add(new Scored(scored.size() + retries.size(), more));
            }
        }
        simulate(retries, request);
        scored.addAll(retries);
        scored.sort(RANKING);
        Scored best = scored.get(0);
        List<RankedCandidate> ranked = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            String reason = i == 0 ? winnerReason(s, request) : loserReason(s, best);
            ranked.add(new RankedCandidate(i + 1, s.candidate.scenario().renamed(s.candidate.scenario().name(), reason),
                    s.candidate.family(), s.candidate.label(), s.stats, s.lost, s.costUsd, reason));
        }
        return new Recommendation(request, ranked);
    }

    private void simulate(List<Scored> candidates, RecommendRequest request) {
        candidates.parallelStream().forEach(s -> s.simulate(request, costEstimator, behaviour));
    }

    private static String winnerReason(Scored s, RecommendRequest request) {
        String verdict = s.lost == 0 && s.stats.secondsOverLimit() == 0
                ? "no event lost, never over the limit"
                : "the least bad: " + lossAndLimit(s);
        return verdict + ", " + seconds(s.stats) + " s (at the limit: " + (request.idealMillis() + 999) / 1000
                + " s), " + usd(s.costUsd) + "; " + s.candidate.family() + ": " + s.candidate.label();
    }

    private static String loserReason(Scored s, Scored best) {
        if (s.lost != best.lost) {
            return "loses " + s.lost + " of " + s.stats.totalEvents() + " events"
                    + (s.stats.redeliveries() > 0 ? " after " + s.stats.redeliveries() + " redeliveries" : "")
                    + (s.stats.throttles() > 0 ? " (" + s.stats.throttles() + " throttles)" : "");
        }
        if (s.stats.secondsOverLimit() != best.stats.secondsOverLimit()) {
            return "over the limit in " + s.stats.secondsOverLimit() + " seconds";
        }
        if (seconds(s.stats) != seconds(best.stats)) {
            return "slower: " + seconds(s.stats) + " s against " + seconds(best.stats) + " s";
        }
        if (s.costUsd != best.costUsd) {
            return "as fast, but costs " + usd(s.costUsd) + " against " + usd(best.costUsd);
        }
        return "ties with the winner; the winner is the simpler or more conventional setting";
    }

    private static String lossAndLimit(Scored s) {
        return s.lost + " events lost, " + s.stats.secondsOverLimit() + " seconds over the limit";
    }

    private static long seconds(SimulationStats stats) {
        return (stats.timeTakenMillis() + 999) / 1000;
    }

    private static String usd(double usd) {
        return String.format(Locale.ROOT, "$%.6f", usd);
    }

    /** One candidate and, once simulated, its figures. */
    private static final class Scored {
        final int order;
        final Candidate candidate;
        SimulationStats stats;
        long lost;
        double costUsd;

        Scored(int order, Candidate candidate) {
            this.order = order;
            this.candidate = candidate;
        }

        void simulate(RecommendRequest request, CostEstimator costEstimator, AwsBehaviour behaviour) {
            SimulationResult result = Simulator.run(candidate.scenario(),
                    new SimulationOptions(request.seed(), null, "recommend-" + order, behaviour));
            RunData data = result.runData();
            stats = result.stats();
            lost = stats.totalEvents() - stats.completed();
            costUsd = costEstimator.costUsd(data);
        }
    }
}
