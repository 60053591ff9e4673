package io.streamlimit.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.metrics.Latency;
import io.streamlimit.sim.SimulationStats;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** {@code recommend --seeds N}: candidates ranked on each figure's median over N seeds, the winner's range beside it. */
class RecommenderSeedsTest {

    private static final RecommendRequest BURST = RecommendRequest.burst(1, 300);
    private static final Recommender RECOMMENDER = new Recommender(Recommender.REQUEST_COUNT);

    @Test
    void the_medians_are_each_figures_middle_value_and_the_ranges_its_smallest_and_largest() {
        Candidate candidate = new CandidateSpace(BURST, AwsBehaviour.current()).candidates().get(0);
        List<Simulated> runs = List.of(run(candidate, 300_000, 2, 0, 40.0, 9_000),
                run(candidate, 320_000, 0, 1, 10.0, 7_000), run(candidate, 310_000, 5, 3, 20.0, 8_000));

        Simulated median = SeedMedians.of(4, runs);

        assertThat(median.stats().timeTakenMillis()).isEqualTo(310_000);
        assertThat(median.lost()).isEqualTo(2);
        assertThat(median.stats().secondsOverLimit()).isEqualTo(1);
        assertThat(median.costUsd()).isEqualTo(20.0);
        assertThat(median.latency()).isEqualTo(new Latency(4_000, 8_000, 8_000, 8_000));
        assertThat(median.stoppedEarly()).isFalse();
        SeedRanges ranges = median.ranges();
        assertThat(ranges.firstSeed()).isEqualTo(4);
        assertThat(ranges.lastSeed()).isEqualTo(6);
        assertThat(ranges.timeTakenMillis()).isEqualTo(new SeedRanges.Range(300_000, 320_000));
        assertThat(ranges.lost()).isEqualTo(new SeedRanges.Range(0, 5));
        assertThat(ranges.secondsOverLimit()).isEqualTo(new SeedRanges.Range(0, 3));
        assertThat(ranges.costUsd()).isEqualTo(new SeedRanges.Range(10.0, 40.0));
        assertThat(ranges.p99Millis()).isEqualTo(new SeedRanges.Range(7_000, 9_000));
        // Of an even count: the mean of the middle two, whole figures rounded half up.
        Simulated even = SeedMedians.of(1, runs.subList(0, 2));
        assertThat(even.stats().timeTakenMillis()).isEqualTo(310_000);
        assertThat(even.lost()).isEqualTo(1);
        assertThat(even.stats().secondsOverLimit()).isEqualTo(1);
        assertThat(even.costUsd()).isEqualTo(25.0);
        // A run stopped early has no median: it is the candidate's figure.
        Simulated stopped = new Simulated(0, candidate, runs.get(0).stats(), 1, 1.0, true, Latency.NONE, null);
        assertThatThrownBy(() -> SeedMedians.of(1, List.of(runs.get(0), stopped)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 stopped early");
    }

    @Test
    void the_winner_over_three_seeds_holds_the_median_of_its_runs_at_seeds_1_2_and_3_and_their_range() {
        Recommendation recommendation = RECOMMENDER.recommend(BURST.withSeeds(3));
        RankedCandidate winner = recommendation.winner();
        // The winner may be a first-pass candidate or one retried with more receives.
        CandidateSpace space = new CandidateSpace(BURST, AwsBehaviour.current());
        Candidate candidate = space.candidates().stream()
                .flatMap(c -> java.util.stream.Stream.of(c, space.moreReceives(c)))
                .filter(c -> c != null && c.label().equals(winner.label())).findFirst().orElseThrow();

        List<Simulated> each = LongStream.rangeClosed(1, 3).mapToObj(seed -> Simulated.run(0, candidate,
                seeded(seed), Recommender.REQUEST_COUNT, AwsBehaviour.current(), false)).toList();

        long[] times = each.stream().mapToLong(Simulated::timeTakenMillis).sorted().toArray();
        assertThat(winner.stats().timeTakenMillis()).isEqualTo(times[1]);
        assertThat(winner.ranges().timeTakenMillis()).isEqualTo(new SeedRanges.Range(times[0], times[2]));
        long[] p99s = each.stream().mapToLong(Simulated::p99Millis).sorted().toArray();
        assertThat(winner.latency().p99Millis()).isEqualTo(p99s[1]);
        assertThat(winner.ranges().p99Millis()).isEqualTo(new SeedRanges.Range(p99s[0], p99s[2]));
        double[] costs = each.stream().mapToDouble(Simulated::costUsd).sorted().toArray();
        assertThat(winner.costUsd()).isEqualTo(costs[1]);
        assertThat(winner.ranges().costUsd()).isEqualTo(new SeedRanges.Range(costs[0], costs[2]));
        // Clean at every seed: no loss, never over the limit.
        assertThat(winner.ranges().lost()).isEqualTo(new SeedRanges.Range(0, 0));
        assertThat(winner.ranges().secondsOverLimit()).isEqualTo(new SeedRanges.Range(0, 0));
        assertThat(winner.ranges().seeds()).isEqualTo(3);
        // The times differ between seeds, so the spread is real and one seed alone could be a tail.
        assertThat(times[2]).isGreaterThan(times[0]);
    }

    @Test
    void a_candidate_stopped_early_at_any_seed_is_stopped_and_ranks_below_every_candidate_clean_at_all_seeds() {
        RecommendRequest threeSeeds = BURST.withSeeds(3);
        List<Simulated> pruned = RECOMMENDER.search(threeSeeds, RecommendProgress.NONE, true);

        int mixed = 0;
        for (Simulated s : pruned) {
            List<Boolean> stoppedAt = LongStream.rangeClosed(1, 3).mapToObj(seed -> Simulated.run(s.order(),
                    s.candidate(), seeded(seed), Recommender.REQUEST_COUNT, AwsBehaviour.current(), true)
                    .stoppedEarly()).toList();
            assertThat(s.stoppedEarly()).as(s.candidate().label()).isEqualTo(stoppedAt.contains(true));
            if (stoppedAt.contains(true) && stoppedAt.contains(false)) {
                mixed++;
            }
        }
        // At least one candidate is clean at some seed and stopped at another: the case under test.
        assertThat(mixed).isPositive();

        Recommendation recommendation = RECOMMENDER.recommend(threeSeeds);
        List<RankedCandidate> ranked = recommendation.ranked();
        long clean = ranked.stream().filter(c -> !c.stoppedEarly()).count();
        assertThat(ranked.subList(0, (int) clean)).allSatisfy(c -> assertThat(c.ranges()).isNotNull());
        assertThat(ranked.subList((int) clean, ranked.size())).isNotEmpty().allSatisfy(c -> {
            assertThat(c.stoppedEarly()).isTrue();
            assertThat(c.ranges()).isNull();
            assertThat(c.reason()).startsWith("stopped at ").contains("of one of its seeds")
                    .endsWith(": it cannot beat #1, which did neither at any of its 3 seeds");
        });
    }

    @Test
    void one_seed_is_todays_recommendation_and_seeds_are_1_to_100() {
        Recommendation one = RECOMMENDER.recommend(BURST);

        assertThat(BURST.seeds()).isEqualTo(1);
        assertThat(one.winner().ranges()).isNull();
        assertThat(RECOMMENDER.recommend(BURST.withSeeds(1)).ranked()).isEqualTo(one.ranked());
        assertThatThrownBy(() -> BURST.withSeeds(0)).hasMessage("seeds: must be 1 to 100, got 0");
        assertThatThrownBy(() -> BURST.withSeeds(101)).hasMessage("seeds: must be 1 to 100, got 101");
    }

    private static RecommendRequest seeded(long seed) {
        return new RecommendRequest(BURST.limitPerSecond(), BURST.events(), BURST.pattern(), BURST.ratePerSecond(),
                BURST.callMillis(), seed, BURST.traffic(), BURST.maxP99Millis(), 1);
    }

    private static Simulated run(Candidate candidate, long timeMillis, long lost, long over, double cost, long p99) {
        SimulationStats stats = new SimulationStats(300, 300 - lost, lost, 0, 0, timeMillis, 1, 300, 0, 0, 1, 0, 0,
                over, 0, timeMillis, 0);
        return new Simulated(0, candidate, stats, lost, cost, false, new Latency(p99 / 2, p99, p99, p99), null);
    }
}
