package io.streamlimit.recommend;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.metrics.CostEstimator;
import io.streamlimit.metrics.CostModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Finds the configuration that feeds a rate-limited downstream best, by simulating candidates
 * (see {@link CandidateSpace}) and ranking them ({@link Ranking}): no event lost, then no second
 * over the limit, then the shortest time, then the lowest cost. Times are compared in steps of
 * 1 % of the time at the limit: 200 ms for 1,000 events at 50/s, 10 s for 1,000 events at 1/s,
 * so cost decides between times closer than that. Throttled invokes count as 1 % more time, and
 * break ties in favour of the throttle-free candidate: one that throttles must be more than 1 %
 * faster to win (why: see {@link Ranking}). Candidates are simulated in parallel, each with the
 * same seed (or seeds: with {@link RecommendRequest#seeds} above one, each figure is the median
 * over them), so the answer does not depend on the thread count.
 */
public final class Recommender {

    /** Counts billable requests instead of pricing them, for callers without a cost model. */
    public static final CostEstimator REQUEST_COUNT = data -> data.run().requestCounts().getOrDefault(
            CostModel.LAMBDA_INVOCATIONS, 0L) + data.run().requestCounts().getOrDefault(CostModel.SQS_REQUESTS, 0L);

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
        return recommend(request, RecommendProgress.NONE);
    }

    /**
     * Pruning: every candidate is first simulated only until it loses an event or goes over the
     * limit. If one did neither, those stopped cannot win (the order puts loss and the limit
     * first) and stay stopped; if none did, the stopped ones are simulated to the end, so the
     * ranking is the same as without pruning. Over several seeds a candidate stopped at any seed
     * stays stopped: one that loses or goes over at some seed cannot win on the median of the
     * others while a candidate that did neither at every seed exists.
     */
    public Recommendation recommend(RecommendRequest request, RecommendProgress progress) {
        List<Simulated> pruned = search(request, progress, true);
        boolean someoneClean = pruned.stream().anyMatch(s -> !s.stoppedEarly());
        return new Recommendation(request, Ranking.rank(someoneClean ? pruned : search(request, progress, false),
                request));
    }

    List<Simulated> search(RecommendRequest request, RecommendProgress progress, boolean prune) {
        CandidateSpace space = new CandidateSpace(request, behaviour);
        List<Simulated> simulated = run(space.candidates(), 0, request, progress, prune);
        // Second round: where messages were lost, would more receives have saved them?
        List<Candidate> retries = new ArrayList<>();
        for (Simulated s : simulated) {
            Candidate more = s.lost() > 0 ? space.moreReceives(s.candidate()) : null;
            if (more != null) {
                retries.add(more);
            }
        }
        List<Simulated> all = new ArrayList<>(simulated);
        all.addAll(run(retries, simulated.size(), request, progress, prune));
        return all;
    }

    /** Simulates {@code candidates} in parallel, numbering them from {@code firstOrder}, in the order given. */
    private List<Simulated> run(List<Candidate> candidates, int firstOrder, RecommendRequest request,
                                RecommendProgress progress, boolean prune) {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger stopped = new AtomicInteger();
        return IntStream.range(0, candidates.size()).parallel()
                .mapToObj(i -> {
                    Simulated s = Simulated.run(firstOrder + i, candidates.get(i), request, costEstimator, behaviour,
                            prune);
                    int stoppedSoFar = s.stoppedEarly() ? stopped.incrementAndGet() : stopped.get();
                    progress.simulated(done.incrementAndGet(), candidates.size(), stoppedSoFar);
                    return s;
                })
                .toList();
    }
}
