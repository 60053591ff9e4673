package io.streamlimit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The FIFO pipeline in the simulator: per-viewer order, and concurrency capped by the active message groups. */
class FifoPipelineTest {

    private static SimulationStats simulate(Scenario scenario, long seed) {
        return Simulator.run(scenario, SimulationOptions.seed(seed)).stats();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void three_viewers_run_at_most_three_batches_whatever_the_maximum_concurrency(long seed) {
        Scenario fifo = Scenarios.load("fifo-3-viewers.yaml");
        assertThat(fifo.consumer().maximumConcurrency()).isEqualTo(10);

        SimulationStats stats = simulate(fifo, seed);

        assertThat(stats.maxConcurrency()).isEqualTo(3);
        assertThat(stats.orderViolations()).isZero();
        assertThat(stats.lossless()).isTrue();
        assertThat(stats.duplicates()).isZero();
    }

    @Test
    void the_standard_twin_of_three_viewers_runs_up_to_its_maximum_concurrency() {
        SimulationStats stats = simulate(Scenarios.load("fifo-3-viewers-standard.yaml"), 1);

        assertThat(stats.maxConcurrency()).isEqualTo(10);
        assertThat(stats.lossless()).isTrue();
    }

    @Test
    void two_hundred_viewers_apply_in_order_on_fifo() {
        SimulationStats fifo = simulate(Scenarios.load("fifo-200-viewers.yaml"), 1);

        assertThat(fifo.lossless()).isTrue();
        assertThat(fifo.orderViolations()).isZero();
        assertThat(fifo.maxConcurrency()).isEqualTo(20);
        // The simulated standard queue returns messages first-in first-out over visibility (SqsQueue),
        // so without failures it applies in order too: its violations come from retries only.
        assertThat(simulate(Scenarios.load("fifo-200-viewers-standard.yaml"), 1).orderViolations()).isZero();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void failures_keep_the_order_on_fifo_the_retries_come_first(long seed) {
        Scenario fifo = Scenarios.load("fifo-200-viewers.yaml");
        Scenario failing = fifo.withConsumer(fifo.consumer().withFaults(0.05, 0));
        Scenario standard = Scenarios.load("fifo-200-viewers-standard.yaml");
        Scenario standardFailing = standard.withConsumer(standard.consumer().withFaults(0.05, 0));

        SimulationStats stats = simulate(failing, seed);

        assertThat(stats.redeliveries()).isPositive();
        assertThat(stats.orderViolations()).isZero();
        assertThat(stats.completed() + stats.failed()).isEqualTo(1000);
        assertThat(simulate(standardFailing, seed).orderViolations()).isPositive();
    }
}
