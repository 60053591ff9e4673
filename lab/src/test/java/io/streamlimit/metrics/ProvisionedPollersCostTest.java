package io.streamlimit.metrics;

import static io.streamlimit.metrics.RunDataBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamlimit.results.RunData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SQS mapping's provisioned pollers at list price: $0.00925 per event poller unit-hour, one
 * EPU a poller, billed per second with a 1-minute minimum; the minimum pollers a standing charge
 * as deployed, those above it only while a run scales to them.
 */
class ProvisionedPollersCostTest {

    private static final double EPU_SECOND = 0.00925 / 3600;

    /** 1,000 one-second invocations, one a second: the run spans 1,000 s. */
    private static RunData run1000s(RunDataBuilder builder) {
        builder.memoryMb(512);
        for (int i = 0; i < 1_000; i++) {
            builder.invoke("b" + i, i * 1_000L, 1_000).row(i, i * 1_000L, i * 1_000L, (i + 1) * 1_000L, "b" + i);
        }
        return builder.build();
    }

    @ParameterizedTest(name = "{0} pollers for {1} ms: {2} EPU-seconds")
    @CsvSource({
            "0, 1000000, 0",      // standard mode: none
            "2, 0, 120",          // a minute at least
            "2, 59001, 120",
            "2, 60001, 122",      // then per second, rounded up
            "10, 1000000, 10000",
    })
    void pollers_are_billed_per_second_with_a_minute_at_least(long pollers, long millis, long seconds) {
        assertThat(CostModel.pollerBilledSeconds(pollers, millis)).isEqualTo(seconds);
    }

    @Test
    void the_run_pays_its_minimum_pollers_for_the_run_and_the_others_while_it_ran_on_them() {
        RunData data = run1000s(run("r").count(CostModel.MINIMUM_POLLERS, 10)
                .count(CostModel.POLLER_MILLIS_ABOVE_MINIMUM, 30_000));
        CostBreakdown cost = new CostModel().breakdown(data);
        RunData standard = run1000s(run("r"));

        // 10 pollers x 1,000 s, and 30 poller-seconds above them
        assertThat(cost.provisionedPollersUsd()).isCloseTo(10_030 * EPU_SECOND, within(1e-12));
        assertThat(cost.totalUsd() - new CostModel().breakdown(standard).totalUsd())
                .isCloseTo(10_030 * EPU_SECOND, within(1e-12));
    }

    @Test
    void the_minimum_pollers_are_a_standing_charge_of_a_whole_day() {
        RunData data = run1000s(run("r").count(CostModel.MINIMUM_POLLERS, 10));
        StandingCharges standing = new CostModel().standingCharges(data);

        assertThat(standing.provisionedPollersUsdPerDay()).isCloseTo(2.22, within(1e-12)); // 10 x 24 h x $0.00925
        assertThat(standing.provisionedConcurrencyUsdPerDay()).isZero();
        assertThat(standing.usdPerDay()).isCloseTo(2.22, within(1e-12));
        assertThat(standing.usdPerMonth()).isCloseTo(67.525, within(1e-9)); // 730 hours
        assertThat(new CostModel().standingCharges(2, 512, 10).usdPerDay())
                .isCloseTo(2.22 + 2 * 0.5 * 86_400 * CostModel.PROVISIONED_CONCURRENCY_USD_PER_GB_SECOND_ARM64,
                        within(1e-12));
    }

    @Test
    void as_deployed_the_minimum_pollers_are_paid_for_the_day_in_place_of_the_run() {
        CostModel model = new CostModel();
        RunData data = run1000s(run("r").count(CostModel.MINIMUM_POLLERS, 10)
                .count(CostModel.POLLER_MILLIS_ABOVE_MINIMUM, 30_000));
        CostBreakdown run = model.breakdown(data);

        // the run's cost less its 10,000 minimum-poller seconds, plus a day of them; the 30
        // poller-seconds above the minimum stay
        assertThat(model.deployedCostUsd(data))
                .isCloseTo(run.totalUsd() - 10_000 * EPU_SECOND + 2.22, within(1e-12));
    }
}
