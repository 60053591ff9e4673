package io.streamlimit.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.scenario.DayTraffic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pruning changes how long the search takes, not what it finds; progress is reported as it goes. */
class RecommenderPruningTest {

    @Test
    void pruning_ranks_the_candidates_that_lose_nothing_and_keep_the_limit_exactly_as_a_full_search() {
        RecommendRequest request = RecommendRequest.burst(1, 300);
        Recommender recommender = new Recommender();

        Recommendation pruned = recommender.recommend(request);
        List<RankedCandidate> full = Ranking.rank(recommender.search(request, RecommendProgress.NONE, false), request);

        List<RankedCandidate> clean = pruned.ranked().stream().filter(c -> !c.stoppedEarly()).toList();
        assertThat(clean).isNotEmpty().hasSizeLessThan(pruned.ranked().size());
        assertThat(clean).extracting(RankedCandidate::rank, RankedCandidate::label, RankedCandidate::stats,
                        RankedCandidate::reason)
                .containsExactlyElementsOf(full.subList(0, clean.size()).stream()
                        .map(c -> org.assertj.core.groups.Tuple.tuple(c.rank(), c.label(), c.stats(), c.reason()))
                        .toList());
        assertThat(full.subList(clean.size(), full.size()))
                .allSatisfy(c -> assertThat(c.lost() > 0 || c.stats().secondsOverLimit() > 0).isTrue());
        // The stopped ones rank after every clean one and say why they stopped.
        assertThat(pruned.ranked().subList(clean.size(), pruned.ranked().size())).allSatisfy(c -> {
            assertThat(c.stoppedEarly()).isTrue();
            assertThat(c.reason()).startsWith("stopped at ").endsWith(": it cannot beat #1, which did neither");
        });
    }

    @Test
    void progress_counts_every_candidate_of_each_round() {
        List<int[]> calls = Collections.synchronizedList(new ArrayList<>());

        Recommendation recommendation = new Recommender().recommend(RecommendRequest.burst(1, 300),
                (done, total, stopped) -> calls.add(new int[] {done, total, stopped}));

        // One call per candidate; every round (its own total) counts up to its total.
        assertThat(calls).allSatisfy(c -> assertThat(c[0]).isBetween(1, c[1]));
        assertThat(calls.stream().map(c -> c[1]).distinct())
                .allSatisfy(total -> assertThat(calls).anySatisfy(c -> assertThat(c).containsExactly(total, total, c[2])));
        assertThat(calls).hasSize(recommendation.ranked().size());
        // Each round's last call counts that round's stopped candidates.
        assertThat(calls.stream().filter(c -> c[0] == c[1]).mapToInt(c -> c[2]).sum())
                .isEqualTo((int) recommendation.ranked().stream().filter(RankedCandidate::stoppedEarly).count());
    }

    @Test
    void over_two_hours_of_spiky_traffic_the_winner_loses_nothing_and_never_exceeds_a_limit_of_1() {
        // The day of docs/PERFORMANCE.md cut to two hours: 0.2/s with 30 s at 50/s every hour.
        RecommendRequest request = RecommendRequest.of(1, DayTraffic.of(0.2, 50, 30, 3600, 7_200));

        RankedCandidate winner = new Recommender().recommend(request).winner();

        // One base event every 5 s, but none of the 6 base seconds inside each spike.
        assertThat(request.events()).isEqualTo(2 * 1_500 + 7_200 / 5 - 2 * 6);
        assertThat(winner.lost()).isZero();
        assertThat(winner.stats().secondsOverLimit()).isZero();
        assertThat(winner.stats().completed()).isEqualTo(request.events());
        assertThat(winner.stoppedEarly()).isFalse();
    }
}
