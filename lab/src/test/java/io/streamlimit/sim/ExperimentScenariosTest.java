package io.streamlimit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;
import io.streamlimit.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The five experiments and the recommended file, simulated: what each is meant to show, from the rows. */
class ExperimentScenariosTest {

    private static RunData simulate(String file) {
        return Simulator.run(Scenarios.load(file), SimulationOptions.seed(7)).runData();
    }

    @Test
    void no_limits_finishes_within_about_a_minute_and_far_over_the_limit() {
        RowFigures figures = RowFigures.of(simulate("01-no-limits.yaml"));
        assertThat(figures.completed()).isEqualTo(1000);
        // Lambda's async queue read about 16.6 events a second in 2020 (run 01 of the original):
        // 1,000 events take about a minute, not a few seconds.
        assertThat(figures.timeTakenMillis()).isBetween(55_000L, 70_000L);
        // About 17 a second, more in the first seconds while cold starts hold environments, against
        // a limit of 1.
        assertThat(figures.maxInsertsPerSecond()).isBetween(15L, 40L);
        assertThat(figures.secondsOverLimit()).isPositive();
    }

    @Test
    void sns_to_lambda_with_reserved_concurrency_1_loses_nothing_but_is_slow() {
        RowFigures figures = RowFigures.of(simulate("02-sns-rc1.yaml"));
        assertThat(figures.completed()).isEqualTo(1000);
        assertThat(figures.deadLettered()).isZero();
        assertThat(figures.secondsOverLimit()).isZero();
        // One event a second at best; the async queue's backoff makes it slower still.
        assertThat(figures.timeTakenMillis()).isGreaterThan(1_000_000);
        assertThat(figures.throttles()).isPositive();
    }

    @Test
    void low_visibility_timeout_with_reserved_concurrency_1_loses_events_to_the_dlq_through_throttles_alone() {
        RunData data = simulate("03-sqs-rc1-low-visibility.yaml");
        RowFigures figures = RowFigures.of(data);
        // The real run lost 105 of 1,000 (docs/FIDELITY.md).
        assertThat(figures.deadLettered()).isBetween(75L, 140L);
        assertThat(figures.completed()).isLessThan(1000);
        assertThat(figures.redeliveries()).isPositive();
        assertThat(figures.throttles()).isGreaterThan(figures.deadLettered());
        // The function never failed: no timeouts, every invocation completed its event, nothing refused.
        assertThat(figures.timeouts()).isZero();
        assertThat(figures.invocations()).isEqualTo(data.invocations().size());
        assertThat(data.pipelineEvents()).filteredOn(e -> e.kind() == PipelineEventKind.DLQ)
                .allSatisfy(e -> assertThat(e.eventId()).isNotNull());
    }

    @Test
    void high_visibility_timeout_with_reserved_concurrency_1_loses_nothing_and_keeps_the_limit() {
        RowFigures figures = RowFigures.of(simulate("04-sqs-rc1-high-visibility.yaml"));
        assertThat(figures.completed()).isEqualTo(1000);
        assertThat(figures.deadLettered()).isZero();
        assertThat(figures.redeliveries()).isZero();
        assertThat(figures.secondsOverLimit()).isZero();
        // The mapping backs off on throttles: a few thousand, not hundreds of thousands, and one
        // event every 1.4 s or so, as the real runs at reserved concurrency 1 went.
        assertThat(figures.throttles()).isBetween(1_000L, 5_000L);
        assertThat(figures.timeTakenMillis()).isBetween(1_300_000L, 1_600_000L);
    }

    @Test
    void reserved_concurrency_5_is_several_times_faster_than_1() {
        RowFigures one = RowFigures.of(simulate("04-sqs-rc1-high-visibility.yaml"));
        RowFigures five = RowFigures.of(simulate("05-sqs-rc5-high-visibility.yaml"));
        assertThat(five.completed()).isEqualTo(1000);
        assertThat(five.deadLettered()).isZero();
        assertThat(five.secondsOverLimit()).isZero();
        assertThat(five.timeTakenMillis() * 4).isLessThan(one.timeTakenMillis());
        assertThat(five.throttles()).isLessThan(one.throttles());
    }

    /**
     * Run 05 of the original experiments (not fitted to: its figures were held back until the
     * model had been fitted to the runs at reserved concurrency 1) took 261 s at 3.76 inserts a
     * second on average, at most 5, none lost. The acceptance of issue 23, at every seed 1 to 5:
     * 235 to 300 s, 3.3 to 4.2 a second.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void reserved_concurrency_5_lands_on_the_real_run_05(long seed) {
        RunMetrics metrics = new MetricsCalculator().compute(Simulator.run(
                Scenarios.load("05-sqs-rc5-high-visibility.yaml"), SimulationOptions.seed(seed)).runData());
        assertThat(metrics.timeTakenSeconds()).isBetween(235.0, 300.0);
        assertThat(metrics.avgInsertsPerSecond()).isBetween(3.3, 4.2);
        assertThat(metrics.maxInsertsPerSecond()).isLessThanOrEqualTo(5);
        assertThat(metrics.eventsCompleted()).isEqualTo(1000);
        assertThat(metrics.eventsFailed()).isZero();
    }

    /**
     * The ideal is events / limit = 20 s; the allowance is 1.05 x that: each batch also pays the
     * per-invoke overhead (30 ms) and its receive. Provisioned concurrency (5, every environment
     * the file uses) keeps the first batches from waiting for a cold start (400 ms).
     */
    @Test
    void recommended_loses_nothing_never_exceeds_the_limit_and_runs_within_5_percent_of_the_ideal_time() {
        Scenario recommended = Scenarios.load("recommended.yaml");
        RunData data = Simulator.run(recommended, SimulationOptions.seed(7)).runData();
        RowFigures figures = RowFigures.of(data);
        long idealMillis = 1000L * recommended.events().total() / recommended.downstream().ratePerSecond();
        assertThat(figures.completed()).isEqualTo(recommended.events().total());
        assertThat(figures.deadLettered()).isZero();
        assertThat(figures.secondsOverLimit()).isZero();
        assertThat(figures.throttles()).isZero();
        assertThat(figures.timeTakenMillis()).isLessThanOrEqualTo(idealMillis * 105 / 100);
    }

    @Test
    void recommended_pays_for_five_minutes_of_five_provisioned_environments() {
        RunMetrics metrics = new MetricsCalculator().compute(simulate("recommended.yaml"));
        // 5 environments x 0.5 GB x 300 s x $0.0000033334 per GB-s (arm64, as deployed)
        assertThat(metrics.provisionedConcurrencyCostUsd()).isEqualTo(0.0025);
        // deployed, they are paid all day: 5 x 0.5 GB x 86,400 s, and 730 hours a month
        assertThat(metrics.standingUsdPerDay()).isEqualTo(0.720014);
        assertThat(metrics.standingUsdPerMonth()).isEqualTo(21.900438);
        assertThat(metrics.costUsd()).isGreaterThan(metrics.provisionedConcurrencyCostUsd());
    }
}
