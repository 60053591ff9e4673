package io.streamlimit.recommend;

import io.streamlimit.scenario.Pipeline;
import java.util.Locale;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The recommender's answer: every candidate it simulated, best first.
 *
 * @param ranked all candidates; the first is the winner
 */
public record Recommendation(RecommendRequest request, List<RankedCandidate> ranked) {

    public Recommendation {
        ranked = List.copyOf(ranked);
        if (ranked.isEmpty()) {
            throw new IllegalArgumentException("a recommendation needs at least one candidate");
        }
    }

    public RankedCandidate winner() {
        return ranked.get(0);
    }

    /**
     * The first {@code n} candidates in rank order (1, 2, 3, ...: contiguous, so every rank a table
     * shows has the ranks above it shown too). The reasons cite no other rank than #1.
     */
    public List<RankedCandidate> top(int n) {
        return ranked.subList(0, Math.min(Math.max(1, n), ranked.size()));
    }

    /**
     * The best candidate of each other kind of configuration, up to {@code max}: different ideas
     * with the reason each lost, rather than the winner with another visibility timeout.
     */
    public List<RankedCandidate> runnersUp(int max) {
        List<RankedCandidate> out = new ArrayList<>();
        Set<String> kinds = new HashSet<>();
        kinds.add(kind(winner()));
        for (RankedCandidate candidate : ranked.subList(1, ranked.size())) {
            if (out.size() == max) {
                break;
            }
            if (kinds.add(kind(candidate))) {
                out.add(candidate);
            }
        }
        return out;
    }

    /**
     * What ordering each viewer's events costs for this traffic, in one line: the best FIFO
     * candidate's time, p99 and cost against the best standard-queue candidate's; null when either
     * family is missing.
     */
    public String orderCost() {
        RankedCandidate fifo = null;
        RankedCandidate standard = null;
        for (RankedCandidate c : ranked) {
            if (fifo == null && c.scenario().pipeline().fifo()) {
                fifo = c;
            } else if (standard == null && c.scenario().pipeline() == Pipeline.SNS_SQS_LAMBDA) {
                standard = c;
            }
        }
        if (fifo == null || standard == null) {
            return null;
        }
        // No ranks cited: the table may not show the FIFO candidate's.
        // Each cost at its own prices: FIFO requests are priced as FIFO ones (CostModel).
        return String.format(Locale.ROOT, "Order per viewer (FIFO): the best FIFO candidate takes %.3f s, p99 %.3f s,"
                        + " %d lost, $%.6f; the best standard queue takes %.3f s, p99 %.3f s, %d lost, $%.6f: order costs"
                        + " %+.3f s in time, %+.3f s at p99 and %+.6f USD.",
                fifo.timeTakenSeconds(), fifo.latency().p99Millis() / 1000.0, fifo.lost(), fifo.costUsd(),
                standard.timeTakenSeconds(), standard.latency().p99Millis() / 1000.0, standard.lost(), standard.costUsd(),
                fifo.timeTakenSeconds() - standard.timeTakenSeconds(),
                (fifo.latency().p99Millis() - standard.latency().p99Millis()) / 1000.0,
                fifo.costUsd() - standard.costUsd());
    }

    private static String kind(RankedCandidate candidate) {
        int batch = candidate.scenario().queue() == null ? 1 : candidate.scenario().queue().batchSize();
        return candidate.family() + "|" + batch;
    }
}
