package io.streamlimit.recommend;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.metrics.CostEstimator;
import io.streamlimit.metrics.CostModel;
import io.streamlimit.results.RunData;
import io.streamlimit.scenario.Scenario;
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
 * then the shortest time, then the lowest cost. Times are compared in steps of 1 % of the time
 * at the limit ({@link #timeSteps}): 200 ms for 1,000 events at 50/s, 10 s for 1,000 events at
 * 1/s, so cost decides between times closer than that. Candidates are simulated in parallel,
 * each with the same seed, so the answer does not depend on the thread count.
 */
public final class Recommender {

    /** Counts billable requests instead of pricing them, for callers without a cost model. */
    public static final CostEstimator REQUEST_COUNT = data -> data.run().requestCounts().getOrDefault(
            CostModel.LAMBDA_INVOCATIONS, 0L) + data.run().requestCounts().getOrDefault(CostModel.SQS_REQUESTS, 0L);

    private static final Comparator<Scored> RANKING = Comparator
            .comparingLong((Scored s) -> s.lost)
            .thenComparingLong(s -> s.stats.secondsOverLimit())
            .thenComparingLong(s -> s.timeSteps)
            .thenComparingDouble(s -> s.costUsd)
            .thenComparingInt(s -> s.order);

    private final CostEstimator costEstimator;
    private final AwsBehaviour behaviour;

    /** Prices runs with the list-price {@link CostModel} and the current AWS behaviour. */
    public Recommender() {
        this(new CostModel(), AwsBehaviour.current());
    }

    public Recommender(CostEstimator costEstimator) {
        this(costEstimator, AwsBehaviour.current());
    }

    public Recommender(CostEstimator costEstimator, AwsBehaviour behaviour) {
        this.costEstimator = costEstimator;
        this.behaviour = behaviour;
    }

    public Recommendation recommend(RecommendRequest request) {
        CandidateSpace space = new CandidateSpace(request, behaviour);
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
            String reason = i == 0 ? winnerReason(s, request, unprovisionedTwin(s, scored)) : loserReason(s, best);
            ranked.add(new RankedCandidate(i + 1, s.candidate.scenario().renamed(s.candidate.scenario().name(), reason),
                    s.candidate.family(), s.candidate.label(), s.stats, s.lost, s.costUsd, reason));
        }
        return new Recommendation(request, ranked);
    }

    private void simulate(List<Scored> candidates, RecommendRequest request) {
        candidates.parallelStream().forEach(s -> s.simulate(request, costEstimator, behaviour));
    }

    /**
     * The time steps the ranking compares: the time taken rounded up to steps of 1 % of the time at
     * the limit (at least 1 ms).
     */
    static long timeSteps(SimulationStats stats, RecommendRequest request) {
        long step = Math.max(1, request.idealMillis() / 100);
        return (stats.timeTakenMillis() + step - 1) / step;
    }

    /** The same candidate without provisioned concurrency, when {@code s} has it and it was simulated. */
    private static Scored unprovisionedTwin(Scored s, List<Scored> scored) {
        if (s.candidate.scenario().consumer().provisionedConcurrency() == 0) {
            return null;
        }
        return scored.stream().filter(o -> isUnprovisionedTwin(o, s)).findFirst().orElse(null);
    }

    /** True when {@code s} is {@code provisioned} without its provisioned concurrency. */
    private static boolean isUnprovisionedTwin(Scored s, Scored provisioned) {
        Scenario with = provisioned.candidate.scenario();
        return with.consumer().provisionedConcurrency() > 0
                && s.candidate.scenario().equals(with.withConsumer(with.consumer().withProvisionedConcurrency(0)));
    }

    private static String winnerReason(Scored s, RecommendRequest request, Scored unprovisioned) {
        String verdict = s.lost == 0 && s.stats.secondsOverLimit() == 0
                ? "no event lost, never over the limit"
                : "the least bad: " + lossAndLimit(s);
        String why = verdict + ", " + seconds(s.stats.timeTakenMillis()) + " s (at the limit: "
                + seconds(request.idealMillis()) + " s), " + usd(s.costUsd) + "; " + s.candidate.family() + ": "
                + s.candidate.label();
        int provisioned = s.candidate.scenario().consumer().provisionedConcurrency();
        if (provisioned > 0) {
            why += "; provisioned concurrency keeps " + provisioned + (provisioned == 1 ? " environment" : " environments")
                    + " initialized before the first event, so no batch waits for a cold start";
            if (unprovisioned != null) {
                why += " (without it: " + seconds(unprovisioned.stats.timeTakenMillis()) + " s, "
                        + usd(unprovisioned.costUsd) + ")";
            }
        }
        return why;
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
        if (s.timeSteps != best.timeSteps) {
            return "slower: " + seconds(s.stats.timeTakenMillis()) + " s against "
                    + seconds(best.stats.timeTakenMillis()) + " s"
                    + (isUnprovisionedTwin(s, best) ? " (its first batches wait for cold starts)" : "");
        }
        if (s.costUsd != best.costUsd) {
            return "as fast, but costs " + usd(s.costUsd) + " against " + usd(best.costUsd);
        }
        return "ties with the winner; the winner is the simpler or more conventional setting";
    }

    private static String lossAndLimit(Scored s) {
        return s.lost + " events lost, " + s.stats.secondsOverLimit() + " seconds over the limit";
    }

    /** Seconds to one decimal: the ranking's steps are 1 % of the time at the limit. */
    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
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
        long timeSteps;
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
            timeSteps = timeSteps(stats, request);
            costUsd = costEstimator.costUsd(data);
        }
    }
}
