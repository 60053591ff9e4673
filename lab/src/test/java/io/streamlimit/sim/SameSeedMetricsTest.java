package io.streamlimit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.results.RunData;
import io.streamlimit.testing.EmbeddedResultsStore;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same seed gives the same metrics as before throttles and redeliveries were counted per
 * second instead of kept as rows: the expected figures were captured from the simulator that kept
 * a row for each (those of 01 and 02 again when the async queue's reads became random instead of
 * evenly spaced, 02's when a lone async event's retries became the doubling or longer, 05's when a
 * held batch's retries came to scale with the function's concurrency). The figures are the same
 * again after a save to PostgreSQL and a load. The insert rates were re-captured when their window
 * became the seconds from the first insert to the last (it had run to the last completion, a second
 * no insert can fall in).
 */
class SameSeedMetricsTest {

    @RegisterExtension
    static final EmbeddedResultsStore RESULTS = new EmbeddedResultsStore();

    @ParameterizedTest(name = "{0} seed {1} events {2}")
    @CsvSource({
            "01-no-limits.yaml, 1, 0, 1000, 0, 61.03, 35, 16.667, 29, 1, 59, 0, 0, 0, 0.007992, 0.0, 0.0",
            "02-sns-rc1.yaml, 1, 0, 1000, 0, 1779.4, 1, 0.562, 1, 0, 0, 7990, 0, 0, 0.007992, 0.0, 0.0",
            "03-sqs-rc1-low-visibility.yaml, 1, 0, 913, 87, 1312.72, 1, 0.696, 1, 0, 0, 1975, 1363, 0, 0.00905, 0.0, 0.0",
            "04-sqs-rc1-high-visibility.yaml, 1, 0, 1000, 0, 1477.76, 1, 0.678, 1, 0, 0, 2169, 0, 0, 0.009192, 0.0, 0.0",
            "05-sqs-rc5-high-visibility.yaml, 1, 0, 1000, 0, 279.341, 5, 3.597, 5, 0, 0, 402, 0, 0, 0.009192, 0.0, 0.0",
            "recommended.yaml, 1, 0, 1000, 0, 20.842, 5, 50.0, 50, 50, 0, 0, 0, 0, 0.004515, 0.0025, 0.720014",
            "03-sqs-rc1-low-visibility.yaml, 7, 3000, 2736, 264, 3951.759, 1, 0.693, 1, 0, 0, 6037, 4139, 0, 0.027147, 0.0, 0.0"
    })
    void metrics_are_those_of_the_row_per_throttle_simulator(String file, long seed, int events, long completed,
            long failed, double seconds, int maxConcurrency, double avgInserts, long maxInserts, long minInserts,
            long overLimit, long throttles, long redeliveries, long wasted, double cost, double provisionedCost,
            double standingPerDay) {
        SimulationOptions options = events == 0 ? SimulationOptions.seed(seed)
                : new SimulationOptions(seed, events, null, null);
        RunData data = Simulator.run(Scenarios.load(file), options).runData();
        RunMetrics simulated = new MetricsCalculator().compute(data);

        // Field by field, and not efficiency, whose definition is not this test's concern.
        assertThat(simulated).extracting(RunMetrics::eventsCompleted, RunMetrics::eventsFailed,
                        RunMetrics::timeTakenSeconds, RunMetrics::maxConcurrency, RunMetrics::avgInsertsPerSecond,
                        RunMetrics::maxInsertsPerSecond, RunMetrics::minInsertsPerSecond,
                        RunMetrics::secondsOverLimit, RunMetrics::throttles, RunMetrics::redeliveries,
                        RunMetrics::wastedInvocations, RunMetrics::costUsd, RunMetrics::provisionedConcurrencyCostUsd,
                        RunMetrics::standingUsdPerDay)
                .containsExactly(completed, failed, seconds, maxConcurrency, avgInserts, maxInserts, minInserts,
                        overLimit, throttles, redeliveries, wasted, cost, provisionedCost, standingPerDay);

        RESULTS.store().saveRunData(data);
        RunMetrics reloaded = new MetricsCalculator().compute(RESULTS.store().loadRun(data.run().runId()));
        assertThat(reloaded).isEqualTo(simulated);
    }
}
