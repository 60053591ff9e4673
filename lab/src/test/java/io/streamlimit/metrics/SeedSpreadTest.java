package io.streamlimit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.sim.Scenarios;
import io.streamlimit.sim.SeedRuns;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.Simulator;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each metric's median and range over seeds, from real simulations. */
class SeedSpreadTest {

    private static RunMetrics run(double seconds, long throttles) {
        return new RunMetrics("r", "s", "simulate", 10, 10, 0, seconds, 1, 1.0, 1, 0, 0, throttles, 0, 0,
                0.0001, 0, 1.0, 0.5, 1.0);
    }

    @Test
    void median_and_range_of_an_odd_and_an_even_count() {
        SeedSpread odd = new SeedSpread(4, List.of(run(30.0, 7), run(10.0, 9), run(20.0, 8)));
        assertThat(odd.median(Metric.TIME_TAKEN)).isEqualByComparingTo("20.000");
        assertThat(odd.min(Metric.TIME_TAKEN)).isEqualByComparingTo("10.000");
        assertThat(odd.max(Metric.TIME_TAKEN)).isEqualByComparingTo("30.000");
        assertThat(odd.values(Metric.THROTTLES)).containsExactly(new BigDecimal("7"), new BigDecimal("9"), new BigDecimal("8"));
        assertThat(odd.lastSeed()).isEqualTo(6);

        SeedSpread even = new SeedSpread(1, List.of(run(10.0, 7), run(10.001, 8)));
        // the mean of the middle two, rounded half up to the metric's decimals
        assertThat(even.median(Metric.TIME_TAKEN)).isEqualTo(new BigDecimal("10.001"));
        assertThat(even.median(Metric.THROTTLES)).isEqualTo(new BigDecimal("8"));
    }

    @Test
    void no_runs_is_refused() {
        assertThatThrownBy(() -> new SeedSpread(1, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a seed spread needs at least one run");
        assertThatThrownBy(() -> SeedRuns.simulate(Scenarios.load("05-sqs-rc5-high-visibility.yaml"),
                SimulationOptions.seed(1), 0)).hasMessage("seeds must be 1 to 100, got 0");
    }

    @Test
    void seeds_are_consecutive_and_each_is_the_single_seed_run() throws Exception {
        var scenario = Scenarios.load("05-sqs-rc5-high-visibility.yaml");
        SeedSpread spread = SeedRuns.simulate(scenario, SimulationOptions.seed(3).withEvents(100), 3);

        MetricsCalculator calculator = new MetricsCalculator();
        for (int i = 0; i < 3; i++) {
            RunMetrics alone = calculator.compute(Simulator.run(scenario,
                    SimulationOptions.seed(3 + i).withEvents(100)).runData());
            assertThat(spread.runs().get(i)).isEqualTo(alone);
        }
        assertThat(spread.min(Metric.TIME_TAKEN)).isLessThan(spread.max(Metric.TIME_TAKEN));

        String table = SeedSpreadTable.format(spread);
        assertThat(table.lines().findFirst().orElseThrow()).matches("Metric +Median +Min +Max");
        assertThat(table.lines().filter(l -> l.startsWith("Time taken")).findFirst().orElseThrow())
                .matches("Time taken +\\d+\\.\\d{3} s +\\d+\\.\\d{3} s +\\d+\\.\\d{3} s");
        assertThat(table).endsWith("3 seeds (3 to 5)\n");

        JsonNode json = new ObjectMapper().readTree(SeedSpreadJson.write(spread));
        assertThat(json.get("firstSeed").asLong()).isEqualTo(3);
        assertThat(json.get("lastSeed").asLong()).isEqualTo(5);
        assertThat(json.get("metrics")).hasSize(Metric.values().length);
        JsonNode time = json.get("metrics").get("timeTakenSeconds");
        assertThat(time.get("values")).hasSize(3);
        assertThat(time.get("median").decimalValue()).isEqualByComparingTo(spread.median(Metric.TIME_TAKEN));
        assertThat(time.get("min").decimalValue()).isEqualByComparingTo(spread.min(Metric.TIME_TAKEN));
    }
}
