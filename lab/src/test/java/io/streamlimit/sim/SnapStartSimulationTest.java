package io.streamlimit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.results.PipelineEvent;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;
import io.streamlimit.scenario.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SnapStart in the simulator: a new environment waits for the restore instead of the init, and
 * the run's seconds lost to cold starts are the restores summed.
 */
class SnapStartSimulationTest {

    private static final AwsBehaviour AWS = AwsBehaviour.current();

    private static List<PipelineEvent> coldStarts(RunData data) {
        return data.pipelineEvents().stream().filter(e -> e.kind() == PipelineEventKind.COLD_START).toList();
    }

    @Test
    void the_snapstart_scenario_loses_fewer_seconds_to_cold_starts_than_without_it() {
        Scenario snap = Scenarios.load("sqs-snapstart.yaml");
        Scenario without = snap.withConsumer(snap.consumer().withSnapStart(false));

        RunData restored = Simulator.run(snap, SimulationOptions.seed(1)).runData();
        RunData initialized = Simulator.run(without, SimulationOptions.seed(1)).runData();
        RunMetrics withSnap = new MetricsCalculator().compute(restored);
        RunMetrics withoutSnap = new MetricsCalculator().compute(initialized);

        // Cold-start heavy: the mapping scales out to dozens of new environments.
        assertThat(coldStarts(restored)).hasSizeGreaterThan(20);
        assertThat(coldStarts(restored)).allMatch(e -> e.durationMillis() == AWS.snapStartRestore().toMillis());
        assertThat(coldStarts(initialized)).allMatch(e -> e.durationMillis() == AWS.coldStart().toMillis());
        assertThat(withSnap.coldStartSeconds())
                .isEqualTo(coldStarts(restored).size() * AWS.snapStartRestore().toMillis() / 1000.0);
        assertThat(withoutSnap.coldStartSeconds())
                .isEqualTo(coldStarts(initialized).size() * AWS.coldStart().toMillis() / 1000.0);
        assertThat(withSnap.coldStartSeconds()).isLessThan(withoutSnap.coldStartSeconds());
        assertThat(withSnap.eventsCompleted()).isEqualTo(1000);
    }

    @Test
    void a_restored_environment_starts_a_restore_and_the_overhead_after_it_was_admitted() {
        RunData data = Simulator.run(Scenarios.load("sqs-snapstart.yaml"), SimulationOptions.seed(1)).runData();
        PipelineEvent first = coldStarts(data).get(0);
        long firstInvoke = data.pipelineEvents().stream()
                .filter(e -> e.kind() == PipelineEventKind.INVOKE && e.cacheId().equals(first.cacheId()))
                .mapToLong(e -> e.at().toEpochMilli()).min().orElseThrow();
        assertThat(firstInvoke - first.at().toEpochMilli())
                .isEqualTo(AWS.snapStartRestore().plus(AWS.invokeOverhead()).toMillis());
    }
}
