package io.streamlimit.recommend;

import io.streamlimit.scenario.Scenario;
import io.streamlimit.sim.SimulationStats;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The recommender's order. Best first:
 * <ol>
 *   <li>the fewest events lost;</li>
 *   <li>the fewest seconds over the downstream's limit;</li>
 *   <li>with a latency bound ({@code --max-p99}): within it before above it;</li>
 *   <li>the shortest time, in steps of 1 % of the time at the limit ({@link #timeSteps}), a
 *       throttled candidate counting as 1 % slower than it was when a throttle-free one does as
 *       well on the first two;</li>
 *   <li>throttle-free before throttled, between candidates the previous step could not tell apart;</li>
 *   <li>the lowest p99 latency (publish to applied), in steps of 1 % of the lowest any candidate
 *       reached and at least one downstream call ({@link #latencySteps}): where traffic sets the time
 *       (a day of spikes takes a day whatever the configuration), how long events wait decides before
 *       cost, but a wait shorter by less than one call is no reason to pay more;</li>
 *   <li>the lowest cost;</li>
 *   <li>the order tried (AWS's guidance first, then the simpler setting).</li>
 * </ol>
 * {@link Reasons} says, for each place, which of these decided it.
 *
 * <p>Why throttled invokes count beyond their price. In dollars they are almost free, and what they
 * do cost is already in the cost: Lambda does not bill a throttled invoke, and the SQS requests
 * they cause (a held batch given up at its visibility timeout is received again; an over-pulling
 * mapping polls with more batches than the function may run) are in the simulator's
 * {@code sqsRequests}, which the cost model prices. But each throttle is a retry that holds
 * messages out of the queue; every batch given up raises its messages' receive count towards the
 * dead-letter queue (on the async path, the events age towards MaximumEventAge); and throttles
 * are the sign of a mapping pulling more than the function may run, the over-pull that
 * MaximumConcurrency removes. A configuration that throttles runs closer to losing events than
 * the simulated run shows, so it has to be clearly faster to be recommended.
 *
 * <p>How much faster: a throttle-free candidate that loses no more events, is over the limit no
 * longer and takes at most 1 % longer than a throttled one always ranks above it (its time t' is
 * at most 1.01 t, so its step is at most the throttled one's, and step 4 breaks the tie); one
 * more than 1 % and a whole step slower always ranks below it. A tolerance, not a ban. The 1 % is
 * a handicap in that race only: among candidates that do as well on loss and the limit and all
 * throttle (every one at a limit of 1, where MaximumConcurrency, at least 2, cannot pace the
 * function), time is compared as it was, so a handicap that shifts their steps does not split
 * near-equal times that cost should decide.
 */
final class Ranking {

    /** How much slower a throttled candidate counts as being, in percent of its time. */
    static final int THROTTLE_HANDICAP_PERCENT = 1;

    private final RecommendRequest request;
    /** (lost, seconds over the limit) pairs some throttle-free candidate achieved. */
    private final Set<Outcome> throttleFreeOutcomes = new HashSet<>();
    /** The latency step: 1 % of the lowest p99 of the candidates that applied any event, at least one call. */
    private final long latencyStepMillis;

    /** A ranking of {@code runs}: whether a throttled run is handicapped depends on the others. */
    Ranking(RecommendRequest request, Collection<SimulationStats> runs) {
        this(request, runs, 0);
    }

    Ranking(RecommendRequest request, Collection<SimulationStats> runs, long lowestP99Millis) {
        this.request = request;
        for (SimulationStats run : runs) {
            if (run.throttles() == 0) {
                throttleFreeOutcomes.add(Outcome.of(run));
            }
        }
        this.latencyStepMillis = Math.max(request.callMillis(), lowestP99Millis / 100);
    }

    /** {@code simulated} best first, each with its rank and reason. */
    static List<RankedCandidate> rank(List<Simulated> simulated, RecommendRequest request) {
        long lowestP99 = simulated.stream().filter(s -> s.stats().completed() > 0).mapToLong(Simulated::p99Millis)
                .min().orElse(0);
        Ranking ranking = new Ranking(request, simulated.stream().map(Simulated::stats).toList(), lowestP99);
        List<Simulated> sorted = new ArrayList<>(simulated);
        sorted.sort(ranking.order());
        Reasons reasons = new Reasons(ranking, request, sorted);
        List<RankedCandidate> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Simulated s = sorted.get(i);
            String reason = s.stoppedEarly() ? stoppedReason(s, request.seeds()) : reasons.of(i);
            Scenario scenario = s.candidate().scenario();
            ranked.add(new RankedCandidate(i + 1, scenario.renamed(scenario.name(), reason), s.candidate().family(),
                    s.candidate().label(), s.stats(), s.lost(), s.costUsd(), reason, s.stoppedEarly(), s.latency(),
                    s.spikeLatency(), s.ranges()));
        }
        return ranked;
    }

    private static String stoppedReason(Simulated s, int seeds) {
        return "stopped at " + s.stats().virtualEndMillis() / 1000 + " s of virtual time"
                + (seeds > 1 ? " of one of its seeds" : "") + ", when it "
                + (s.stats().failed() > 0 ? "lost an event" : "went over the limit")
                + ": it cannot beat #1, which did neither" + (seeds > 1 ? " at any of its " + seeds + " seeds" : "");
    }

    /** Best first; see the class comment. */
    Comparator<Simulated> order() {
        return Comparator
                .comparingLong(Simulated::lost)
                .thenComparingLong((Simulated s) -> s.stats().secondsOverLimit())
                .thenComparing((Simulated s) -> request.aboveLatencyBound(s.p99Millis()))
                .thenComparingLong(s -> timeSteps(s.stats()))
                .thenComparing(Simulated::throttled)
                .thenComparingLong(s -> latencySteps(s.p99Millis()))
                .thenComparingDouble(Simulated::costUsd)
                .thenComparingInt(Simulated::order);
    }

    /** The order had throttles not counted: what would have won without the handicap. */
    Comparator<Simulated> orderIgnoringThrottles() {
        return Comparator
                .comparingLong(Simulated::lost)
                .thenComparingLong((Simulated s) -> s.stats().secondsOverLimit())
                .thenComparing((Simulated s) -> request.aboveLatencyBound(s.p99Millis()))
                .thenComparingLong(s -> steps(s.timeTakenMillis()))
                .thenComparingLong(s -> latencySteps(s.p99Millis()))
                .thenComparingDouble(Simulated::costUsd)
                .thenComparingInt(Simulated::order);
    }

    /**
     * The time steps the ranking compares: the time taken, 1 % more (rounded up to the
     * millisecond) when {@link #handicapped}, rounded up to steps of 1 % of the time at the limit.
     */
    long timeSteps(SimulationStats run) {
        long millis = run.timeTakenMillis();
        if (handicapped(run)) {
            millis += (millis * THROTTLE_HANDICAP_PERCENT + 99) / 100;
        }
        return steps(millis);
    }

    /** True when {@code run} throttled and a throttle-free candidate does as well on loss and the limit. */
    boolean handicapped(SimulationStats run) {
        return run.throttles() > 0 && throttleFreeOutcomes.contains(Outcome.of(run));
    }

    /** {@code millis} rounded up to steps of 1 % of the time at the limit (at least 1 ms). */
    long steps(long millis) {
        long step = Math.max(1, request.idealMillis() / 100);
        return (millis + step - 1) / step;
    }

    /** {@code p99Millis} rounded up to the latency step (see the class comment). */
    long latencySteps(long p99Millis) {
        return (p99Millis + latencyStepMillis - 1) / latencyStepMillis;
    }

    /** What the first two places of the order compare. */
    private record Outcome(long lost, long secondsOverLimit) {
        static Outcome of(SimulationStats run) {
            return new Outcome(run.totalEvents() - run.completed(), run.secondsOverLimit());
        }
    }
}
