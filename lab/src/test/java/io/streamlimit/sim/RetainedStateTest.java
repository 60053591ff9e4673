package io.streamlimit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;
import io.streamlimit.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * What a simulated run keeps grows with its events and seconds, not with its throttled attempts:
 * counted deterministically as the entries it stores (rows, pipeline events, per-second counts).
 */
class RetainedStateTest {

    /** Entries a run keeps in memory and saves. */
    private static long entries(RunData data) {
        return data.invocations().size() + data.pipelineEvents().size() + data.pipelineCounts().rows();
    }

    private static long seconds(RunData data) {
        return (data.run().endedAt().toEpochMilli() - data.run().startedAt().toEpochMilli()) / 1000 + 1;
    }

    @Test
    void a_throttle_heavy_run_keeps_entries_by_the_second_not_by_the_throttle_at_two_sizes() {
        // SNS straight to a function with reserved concurrency 1: Lambda's async queue retries each
        // throttled event, several throttles a second for the whole run.
        Scenario scenario = Scenarios.load("02-sns-rc1.yaml");
        RunData small = Simulator.run(scenario, SimulationOptions.seed(1).withEvents(500)).runData();
        RunData large = Simulator.run(scenario, SimulationOptions.seed(1).withEvents(2_000)).runData();

        for (RunData run : new RunData[] {small, large}) {
            long throttles = run.pipelineCounts().total(PipelineEventKind.THROTTLE);
            long events = run.run().totalEvents();
            // Throttles outnumber the seconds and the events...
            assertThat(throttles).isGreaterThan(seconds(run)).isGreaterThan(4 * events);
            // ...but they take at most one entry a second, and nothing else is kept per attempt:
            // a row and an invocation per event, one cold start.
            assertThat(run.pipelineCounts().rows()).isLessThanOrEqualTo(seconds(run));
            assertThat(run.pipelineEvents()).noneMatch(e -> e.kind() == PipelineEventKind.THROTTLE);
            assertThat(entries(run)).isLessThanOrEqualTo(2 * events + seconds(run) + 10);
        }
        // Four times the events: about four times the throttles, the seconds and the entries.
        long throttleGrowth = large.pipelineCounts().total(PipelineEventKind.THROTTLE)
                - small.pipelineCounts().total(PipelineEventKind.THROTTLE);
        long entryGrowth = entries(large) - entries(small);
        assertThat(entryGrowth).isLessThan(throttleGrowth);
        assertThat(entryGrowth).isLessThanOrEqualTo(2 * 1_500 + seconds(large) - seconds(small) + 10);
    }
}
