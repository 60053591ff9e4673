package io.streamlimit.recommend;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.metrics.Latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.scenario.ArrivalPattern;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.ScenarioLoader;
import io.streamlimit.scenario.ScenarioWriter;
import io.streamlimit.sim.SimulationStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommenderTest {

    // The case a new user met: 100,000 events at 500/s into 50/s, where a reservation without
    // MaximumConcurrency finished slightly sooner by throttling millions of invokes. Figures are
    // synthetic, so only the ranking is under test: the time at the limit is 2,000 s, a step 20 s.
    private static final RecommendRequest USER_CASE = RecommendRequest.rate(50, 100_000, 500);
    private static final String PACED_LABEL = "sns-sqs-lambda, batch 10 (window 1 s), maximum concurrency 5, "
            + "reserved concurrency 5, visibility 61 s, maxReceiveCount 5";
    private static final String RESERVED_LABEL = "sns-sqs-lambda, batch 10 (window 1 s), maximum concurrency none, "
            + "reserved concurrency 5, visibility 61 s, maxReceiveCount 5";

    @Test
    void for_a_limit_of_1_the_winner_loses_nothing_and_never_exceeds_the_limit() {
        Recommendation recommendation = new Recommender().recommend(RecommendRequest.burst(1, 1000));
        RankedCandidate winner = recommendation.winner();
        assertThat(winner.lost()).isZero();
        assertThat(winner.stats().secondsOverLimit()).isZero();
        // A stream of 1 shard, parallelization factor 1, bounds the consumer at one batch at a
        // time without a throttle: each event's 1 s call and 30 ms invoke overhead, after one
        // poll and one cold start: 1,031 s.
        assertThat(winner.scenario().pipeline()).isEqualTo(Pipeline.API_KINESIS_LAMBDA);
        assertThat(winner.stats().timeTakenMillis()).isBetween(1_030_000L, 1_040_000L);
        assertThat(winner.stats().throttles()).isZero();
        assertThat(winner.reason()).startsWith("no event lost, never over the limit");
        assertThat(recommendation.ranked()).anySatisfy(c -> assertThat(c.lost()).isPositive());
        // The best SQS configuration: a reservation of 1 throttles the mapping's second poller
        // (MaximumConcurrency cannot be 1), whose held batch is retried at random times, so the
        // one environment idles a little between calls: 1,060 s at least, 1,198 s with this seed.
        RankedCandidate queued = recommendation.ranked().stream()
                .filter(c -> c.scenario().pipeline() == Pipeline.SNS_SQS_LAMBDA).findFirst().orElseThrow();
        assertThat(queued.lost()).isZero();
        assertThat(queued.stats().timeTakenMillis()).isBetween(1_060_000L, 1_210_000L);
        assertThat(queued.stats().throttles()).isPositive();
        assertThat(queued.reason()).startsWith("slower: ");
    }

    @Test
    void for_a_limit_of_50_fed_at_50_a_second_the_winner_loses_nothing_and_never_exceeds_the_limit() {
        Recommendation recommendation = new Recommender().recommend(RecommendRequest.rate(50, 1000, 50));
        RankedCandidate winner = recommendation.winner();
        assertThat(winner.lost()).isZero();
        assertThat(winner.stats().secondsOverLimit()).isZero();
        assertThat(winner.scenario().events().pattern()).isEqualTo(ArrivalPattern.RATE);
        assertThat(winner.scenario().downstream().ratePerSecond()).isEqualTo(50);
        // Events arrive over 20 s; the winner keeps up with them.
        assertThat(winner.stats().timeTakenMillis()).isLessThan(23_000);
    }

    @Test
    void the_ranking_puts_loss_before_the_limit_before_time_before_throttles_before_cost_and_says_why() {
        Recommendation recommendation = new Recommender().recommend(RecommendRequest.burst(50, 1000));
        var ranked = recommendation.ranked();
        Ranking ranking = new Ranking(recommendation.request(), ranked.stream().map(RankedCandidate::stats).toList());
        for (int i = 1; i < ranked.size(); i++) {
            RankedCandidate before = ranked.get(i - 1);
            RankedCandidate after = ranked.get(i);
            assertThat(before.lost()).isLessThanOrEqualTo(after.lost());
            if (before.lost() == after.lost()) {
                assertThat(before.stats().secondsOverLimit()).isLessThanOrEqualTo(after.stats().secondsOverLimit());
                if (before.stats().secondsOverLimit() == after.stats().secondsOverLimit()) {
                    long stepsBefore = ranking.timeSteps(before.stats());
                    long stepsAfter = ranking.timeSteps(after.stats());
                    assertThat(stepsBefore).isLessThanOrEqualTo(stepsAfter);
                    if (stepsBefore == stepsAfter && after.stats().throttles() == 0) {
                        assertThat(before.stats().throttles()).isZero();
                    }
                }
            }
            assertThat(after.rank()).isEqualTo(i + 1);
            assertThat(after.reason()).isNotBlank();
        }
        assertThat(recommendation.runnersUp(5)).hasSizeBetween(1, 5).allSatisfy(c -> assertThat(c.reason()).isNotBlank());
        assertThat(ranked).extracting(RankedCandidate::reason).anyMatch(reason -> reason.startsWith("slower"));
    }

    @Test
    void a_throttling_candidate_loses_to_a_throttle_free_one_within_1_percent_of_its_time_and_the_reasons_say_so() {
        Simulated throttling = simulated(0, RESERVED_LABEL, 2_100_000, 2_413_551, 0.245930);
        Simulated paced = simulated(1, PACED_LABEL, 2_118_270, 0, 0.236113); // 0.87 % slower

        // Time alone would rank the throttling one first (105 steps against 106)...
        Ranking ranking = new Ranking(USER_CASE, List.of(throttling.stats(), paced.stats()));
        assertThat(ranking.steps(2_100_000)).isEqualTo(105);
        // ...but its throttles count as 1 % more: 2,121,000 ms, 107 steps.
        assertThat(ranking.timeSteps(throttling.stats())).isEqualTo(107);
        assertThat(ranking.timeSteps(paced.stats())).isEqualTo(106);

        List<RankedCandidate> ranked = Ranking.rank(List.of(throttling, paced), USER_CASE);

        assertThat(ranked).extracting(RankedCandidate::label).containsExactly(PACED_LABEL, RESERVED_LABEL);
        // The rival is named by its settings, not by a rank the table may not show.
        assertThat(ranked.get(0).reason()).isEqualTo("no event lost, never over the limit, 2118.3 s (at the limit: "
                + "2000.0 s), p99 0.0 s, $0.236113 as deployed; " + CandidateSpace.PACED + ": " + PACED_LABEL
                + "; throttle-free, so it ranks above the throttled configuration (sqs rc 5 mc - pc - batch 10 vis 61s"
                + " recv 5), 0.87% faster but with 2,413,551 throttled invokes");
        assertThat(ranked.get(1).reason()).isEqualTo("ranked below #1: 0.87% faster but 2,413,551 throttled invokes");
    }

    @Test
    void exactly_1_percent_slower_is_still_within_the_tolerance_and_cost_does_not_save_the_throttling_one() {
        Simulated throttling = simulated(0, RESERVED_LABEL, 2_100_000, 2_413_551, 0.1);
        Simulated paced = simulated(1, PACED_LABEL, 2_121_000, 0, 0.2); // 1.00 % slower, and dearer

        List<RankedCandidate> ranked = Ranking.rank(List.of(throttling, paced), USER_CASE);

        assertThat(ranked).extracting(RankedCandidate::label).containsExactly(PACED_LABEL, RESERVED_LABEL);
        assertThat(ranked.get(1).reason()).isEqualTo("ranked below #1: 1.00% faster but 2,413,551 throttled invokes");
    }

    @Test
    void a_throttling_candidate_wins_when_the_throttle_free_one_is_more_than_1_percent_slower_so_it_is_no_ban() {
        Simulated throttling = simulated(0, RESERVED_LABEL, 2_100_000, 2_413_551, 0.245930);
        Simulated paced = simulated(1, PACED_LABEL, 2_142_000, 0, 0.236113); // 2.00 % slower: 108 steps

        List<RankedCandidate> ranked = Ranking.rank(List.of(paced, throttling), USER_CASE);

        assertThat(ranked).extracting(RankedCandidate::label).containsExactly(RESERVED_LABEL, PACED_LABEL);
        assertThat(ranked.get(0).reason()).isEqualTo("no event lost, never over the limit, 2100.0 s (at the limit: "
                + "2000.0 s), p99 0.0 s, $0.245930 as deployed; " + CandidateSpace.RESERVED_ONLY + ": " + RESERVED_LABEL
                + "; 2,413,551 throttled invokes, accepted because the best throttle-free configuration (sqs rc 5 mc 5"
                + " pc - batch 10 vis 61s recv 5) takes 2.00% longer");
        assertThat(ranked.get(1).reason()).isEqualTo(
                "slower: 2142.0 s against 2100.0 s; throttle-free, but 2.00% slower, and #1's throttles count as 1%");
    }

    @Test
    void throttles_do_not_outweigh_a_lost_event_and_are_not_handicapped_without_a_throttle_free_rival() {
        Simulated throttling = simulated(0, RESERVED_LABEL, 2_100_000, 2_413_551, 0.245930);
        Simulated pacedLosing = withLost(simulated(1, PACED_LABEL, 2_090_000, 0, 0.236113), 1);

        // No throttle-free candidate loses as few events, so there is nothing to handicap it against.
        Ranking ranking = new Ranking(USER_CASE, List.of(throttling.stats(), pacedLosing.stats()));
        assertThat(ranking.handicapped(throttling.stats())).isFalse();
        assertThat(ranking.timeSteps(throttling.stats())).isEqualTo(105);

        List<RankedCandidate> ranked = Ranking.rank(List.of(pacedLosing, throttling), USER_CASE);

        assertThat(ranked).extracting(RankedCandidate::label).containsExactly(RESERVED_LABEL, PACED_LABEL);
        assertThat(ranked.get(0).reason()).endsWith(
                "; 2,413,551 throttled invokes; every configuration that does as well on loss and the limit has throttled invokes too");
        assertThat(ranked.get(1).reason()).isEqualTo("loses 1 of 100000 events");
    }

    @Test
    void between_equally_fast_candidates_the_one_whose_events_wait_less_wins_before_the_cheaper_one() {
        Simulated cheapSlowWaits = withP99(simulated(0, PACED_LABEL, 2_100_000, 0, 0.1), 95_000);
        Simulated dearQuickWaits = withP99(simulated(1, RESERVED_LABEL, 2_100_000, 0, 0.2), 60_000);

        List<RankedCandidate> ranked = Ranking.rank(List.of(cheapSlowWaits, dearQuickWaits), USER_CASE);

        assertThat(ranked).extracting(RankedCandidate::label).containsExactly(RESERVED_LABEL, PACED_LABEL);
        assertThat(ranked.get(1).reason()).isEqualTo("as fast, but events wait longer: p99 95.0 s against 60.0 s");
    }

    @Test
    void waits_closer_than_one_downstream_call_tie_and_cost_decides() {
        Simulated cheap = withP99(simulated(0, PACED_LABEL, 2_100_000, 0, 0.1), 2_800);
        Simulated dear = withP99(simulated(1, RESERVED_LABEL, 2_100_000, 0, 0.2), 2_600); // 0.2 s less, a call is 1 s

        List<RankedCandidate> ranked = Ranking.rank(List.of(dear, cheap), USER_CASE);

        assertThat(ranked).extracting(RankedCandidate::label).containsExactly(PACED_LABEL, RESERVED_LABEL);
    }

    @Test
    void a_latency_bound_puts_the_candidates_within_it_first_even_when_slower() {
        Simulated fastLongWaits = withP99(simulated(0, RESERVED_LABEL, 2_000_000, 0, 0.1), 1_900_000);
        Simulated slowShortWaits = withP99(simulated(1, PACED_LABEL, 2_500_000, 0, 0.1), 30_000);
        RecommendRequest bounded = USER_CASE.withMaxP99Millis(60_000L);

        List<RankedCandidate> ranked = Ranking.rank(List.of(fastLongWaits, slowShortWaits), bounded);
        List<RankedCandidate> unbounded = Ranking.rank(List.of(fastLongWaits, slowShortWaits), USER_CASE);

        assertThat(ranked).extracting(RankedCandidate::label).containsExactly(PACED_LABEL, RESERVED_LABEL);
        assertThat(ranked.get(1).reason()).isEqualTo("p99 1900.0 s, above the bound of 60.0 s");
        assertThat(unbounded).extracting(RankedCandidate::label).containsExactly(RESERVED_LABEL, PACED_LABEL);
    }

    private static Simulated withP99(Simulated s, long p99Millis) {
        return new Simulated(s.order(), s.candidate(), s.stats(), s.lost(), s.costUsd(),
                new Latency(p99Millis / 2, p99Millis, p99Millis, p99Millis));
    }

    /** A candidate from the user's case with made-up figures: no loss, never over the limit. */
    private static Simulated simulated(int order, String label, long timeMillis, long throttles, double costUsd) {
        Candidate candidate = new CandidateSpace(USER_CASE, AwsBehaviour.current()).candidates().stream()
                .filter(c -> c.label().equals(label)).findFirst().orElseThrow();
        SimulationStats stats = new SimulationStats(100_000, 100_000, 0, 0, 0, timeMillis, 5, 10_000, throttles, 0, 5,
                0, 0, 0, 0, timeMillis, 0);
        return new Simulated(order, candidate, stats, 0, costUsd);
    }

    private static Simulated withLost(Simulated s, long lost) {
        SimulationStats t = s.stats();
        SimulationStats stats = new SimulationStats(t.totalEvents(), t.completed() - lost, lost, 0, 0,
                t.timeTakenMillis(), t.maxConcurrency(), t.invocations(), t.throttles(), 0, t.coldStarts(), 0, 0, 0,
                0, t.virtualEndMillis(), 0);
        return new Simulated(s.order(), s.candidate(), stats, lost, s.costUsd());
    }

    @Test
    void for_a_burst_at_50_a_second_provisioned_concurrency_wins_by_saving_the_cold_start_and_says_so() {
        Recommendation recommendation = new Recommender().recommend(RecommendRequest.burst(50, 1000));
        RankedCandidate winner = recommendation.winner();
        RankedCandidate unprovisioned = recommendation.ranked().stream()
                .filter(c -> c.scenario().consumer().provisionedConcurrency() == 0).findFirst().orElseThrow();

        assertThat(winner.scenario().consumer().provisionedConcurrency()).isEqualTo(5);
        assertThat(winner.lost()).isZero();
        assertThat(winner.stats().secondsOverLimit()).isZero();
        assertThat(winner.stats().coldStarts()).isZero();
        assertThat(winner.stats().throttles()).isZero();
        // 1,000 events at 50 a call from 5 environments, each call 1 s plus the 30 ms invoke
        // overhead and a 10 ms receive: about 20.8 s (a mapping with MaximumConcurrency starts
        // at 5 batches).
        assertThat(winner.stats().timeTakenMillis()).isBetween(20_600L, 21_200L);
        // The 400 ms cold start is two of the ranking's 200 ms steps.
        assertThat(unprovisioned.stats().timeTakenMillis() - winner.stats().timeTakenMillis()).isEqualTo(400);
        // Faster, and dearer: provisioned concurrency costs more than the cold start it saves.
        assertThat(winner.costUsd()).isGreaterThan(unprovisioned.costUsd());
        assertThat(winner.reason()).contains("provisioned concurrency keeps 5 environments initialized",
                "no batch waits for a cold start", "without it: 21.2 s");
        assertThat(unprovisioned.reason()).isEqualTo("slower: 21.2 s against 20.8 s (its first batches wait for cold starts)");
    }

    @Test
    void for_a_limit_of_1_provisioned_concurrency_loses_on_its_standing_cost_for_a_day() {
        // One cold start is 0.04 % of 1,000 s, inside the 1 % step the ranking compares, so cost
        // decides; as deployed, the provisioned environment is paid for a whole day (0.5 GB x
        // 86,400 s at arm64's $0.0000033334, $0.144), far more than the provisioned duration
        // price saves over the run.
        Recommendation recommendation = new Recommender().recommend(RecommendRequest.burst(1, 1000));
        // The best SQS configuration (a Kinesis stream wins outright, without provisioned concurrency).
        RankedCandidate winner = recommendation.ranked().stream()
                .filter(c -> c.scenario().pipeline() == Pipeline.SNS_SQS_LAMBDA).findFirst().orElseThrow();
        RankedCandidate provisioned = recommendation.ranked().stream()
                .filter(c -> c.scenario().consumer().provisionedConcurrency() == 1
                        && c.label().replace(", provisioned concurrency 1", "").equals(winner.label()))
                .findFirst().orElseThrow();

        assertThat(winner.scenario().consumer().provisionedConcurrency()).isZero();
        assertThat(provisioned.stats().timeTakenMillis()).isEqualTo(winner.stats().timeTakenMillis());
        assertThat(provisioned.costUsd() - winner.costUsd()).isBetween(0.13, 0.144);
        // As fast, but dearer: it ranks below its unprovisioned twin.
        assertThat(recommendation.ranked().indexOf(provisioned)).isGreaterThan(recommendation.ranked().indexOf(winner));
    }

    @Test
    void between_equally_good_candidates_the_cheaper_one_wins() {
        // Charge for reserved concurrency: the unreserved candidate with the same figures must win.
        Recommender recommender = new Recommender(data ->
                data.run().configurationJson().contains("\"reservedConcurrency\":null") ? 1.0 : 2.0);
        RankedCandidate winner = recommender.recommend(RecommendRequest.burst(50, 1000)).winner();
        assertThat(winner.scenario().consumer().reservedConcurrency()).isNull();
        assertThat(winner.lost()).isZero();
        assertThat(winner.stats().secondsOverLimit()).isZero();
    }

    @Test
    void the_winner_can_be_written_as_a_scenario_file_that_loads_back() {
        Scenario winner = new Recommender(Recommender.REQUEST_COUNT).recommend(RecommendRequest.burst(50, 1000))
                .winner().scenario();
        Scenario reloaded = ScenarioLoader.parse(ScenarioWriter.toYaml(winner), "recommended.yaml");
        assertThat(reloaded).isEqualTo(winner);
        assertThat(reloaded.description()).startsWith("no event lost");
    }

    @Test
    void impossible_requests_are_refused_with_the_option_named() {
        assertThatThrownBy(() -> RecommendRequest.burst(0, 1000)).hasMessageStartingWith("limit:");
        assertThatThrownBy(() -> new RecommendRequest(1, 1000, ArrivalPattern.RATE, null, 1000, 1))
                .hasMessageStartingWith("rate:");
        assertThatThrownBy(() -> new RecommendRequest(1, 1000, ArrivalPattern.SPIKES, null, 1000, 1))
                .hasMessageStartingWith("pattern:");
    }
}
