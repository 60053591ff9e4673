package io.streamlimit.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.scenario.ArrivalPattern;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.ScenarioLoader;
import io.streamlimit.scenario.ScenarioWriter;
import org.junit.jupiter.api.Test;

class RecommenderTest {

    @Test
    void for_a_limit_of_1_the_winner_loses_nothing_and_never_exceeds_the_limit() {
        Recommendation recommendation = new Recommender().recommend(RecommendRequest.burst(1, 1000));
        RankedCandidate winner = recommendation.winner();
        assertThat(winner.lost()).isZero();
        assertThat(winner.stats().secondsOverLimit()).isZero();
        assertThat(winner.stats().timeTakenMillis()).isBetween(1_000_000L, 1_100_000L);
        assertThat(winner.reason()).startsWith("no event lost, never over the limit");
        assertThat(recommendation.ranked()).anySatisfy(c -> assertThat(c.lost()).isPositive());
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
    void the_ranking_puts_loss_before_the_limit_before_time_before_cost_and_says_why() {
        Recommendation recommendation = new Recommender().recommend(RecommendRequest.burst(50, 1000));
        var ranked = recommendation.ranked();
        for (int i = 1; i < ranked.size(); i++) {
            RankedCandidate before = ranked.get(i - 1);
            RankedCandidate after = ranked.get(i);
            assertThat(before.lost()).isLessThanOrEqualTo(after.lost());
            if (before.lost() == after.lost()) {
                assertThat(before.stats().secondsOverLimit()).isLessThanOrEqualTo(after.stats().secondsOverLimit());
                if (before.stats().secondsOverLimit() == after.stats().secondsOverLimit()) {
                    assertThat(before.timeTakenSeconds()).isLessThanOrEqualTo(after.timeTakenSeconds());
                }
            }
            assertThat(after.rank()).isEqualTo(i + 1);
            assertThat(after.reason()).isNotBlank();
        }
        assertThat(recommendation.runnersUp(5)).hasSizeBetween(1, 5).allSatisfy(c -> assertThat(c.reason()).isNotBlank());
        assertThat(ranked).extracting(RankedCandidate::reason).anyMatch(reason -> reason.startsWith("slower"));
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
