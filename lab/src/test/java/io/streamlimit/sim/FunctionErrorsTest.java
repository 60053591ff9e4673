package io.streamlimit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.results.PipelineEvent;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;
import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.DownstreamSpec;
import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.QueueSpec;
import io.streamlimit.scenario.Scenario;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The consumer's own failures as a scenario input ({@code consumer.errorRate},
 * {@code consumer.timeoutRate}) and AWS's documented reactions to them in the simulator: an SQS
 * batch's failed items come back after the visibility timeout; an async event gets two retries,
 * about one and two minutes later, then the on-failure destination.
 */
class FunctionErrorsTest {

    private static final DownstreamSpec FAST = new DownstreamSpec(1_000, 100, false);

    private static Scenario queued(int events, QueueSpec queue, ConsumerSpec consumer) {
        return new Scenario("faults", "", EventsSpec.burst(events), Pipeline.SNS_SQS_LAMBDA, queue, consumer, FAST);
    }

    @Test
    void records_the_handler_fails_come_back_after_the_visibility_timeout_and_then_complete() {
        // Visibility 30 s, up to 10 receives, batches of 10; a fifth of the records fail each time.
        Scenario scenario = queued(200, new QueueSpec(30, 10, 10, 0),
                new ConsumerSpec(null, null, 5, 512, 0, 0.2, 0));
        SimulationResult result = Simulator.run(scenario, SimulationOptions.seed(1));
        SimulationStats stats = result.stats();

        assertThat(stats.completed()).isEqualTo(200);
        assertThat(stats.failed()).isZero();
        // About 40 first failures, 8 of them failing again, ...: 50 expected, binomial spread 6.
        assertThat(stats.redeliveries()).isBetween(30L, 70L);
        // Without failures the 200 events take under 2 s; the failed ones wait out the visibility timeout.
        assertThat(stats.timeTakenMillis()).isBetween(30_000L, 150_000L);
        assertThat(stats.timeouts()).isZero();
    }

    @Test
    void the_same_seed_fails_the_same_records() {
        Scenario scenario = queued(200, new QueueSpec(30, 10, 10, 0),
                new ConsumerSpec(null, null, 5, 512, 0, 0.2, 0.05));
        RunData first = Simulator.run(scenario, SimulationOptions.seed(4)).runData();
        RunData second = Simulator.run(scenario, SimulationOptions.seed(4)).runData();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void a_share_of_invocations_time_out_and_their_whole_batch_comes_back() {
        // Batches of 1: invocations are records; a tenth hang until the 2 s timeout.
        Scenario scenario = queued(300, new QueueSpec(30, 10, 1, 0),
                new ConsumerSpec(null, null, 2, 512, 0, 0, 0.1));
        SimulationResult result = Simulator.run(scenario, SimulationOptions.seed(2));
        SimulationStats stats = result.stats();
        List<PipelineEvent> timeouts = result.runData().pipelineEvents().stream()
                .filter(e -> e.kind() == PipelineEventKind.TIMEOUT).toList();

        assertThat(stats.completed()).isEqualTo(300);
        // 300 first invocations and their retries: about 33 timeouts (binomial spread 5.5).
        assertThat(stats.timeouts()).isBetween(17L, 50L);
        assertThat(timeouts).allSatisfy(e -> assertThat(e.durationMillis()).isEqualTo(2_000));
        assertThat(stats.redeliveries()).isEqualTo(stats.timeouts());
    }

    @Test
    void an_async_event_the_handler_fails_is_retried_about_one_and_two_minutes_later_then_dead_lettered() {
        Scenario scenario = new Scenario("faults", "", EventsSpec.burst(1), Pipeline.SNS_LAMBDA, null,
                new ConsumerSpec(null, null, 5, 512, 0, 1.0, 0), FAST);
        RunData data = Simulator.run(scenario, SimulationOptions.seed(1)).runData();
        List<Instant> starts = data.pipelineEvents().stream().filter(e -> e.kind() == PipelineEventKind.INVOKE)
                .map(PipelineEvent::at).toList();

        assertThat(starts).hasSize(3);
        // Each retry is due a minute (then two) after the failed attempt ended (100 ms), then waits
        // for a read of the async queue and the invoke overhead: a few hundred ms at most.
        assertThat(starts.get(1).toEpochMilli() - starts.get(0).toEpochMilli()).isBetween(60_100L, 61_000L);
        assertThat(starts.get(2).toEpochMilli() - starts.get(1).toEpochMilli()).isBetween(120_100L, 121_000L);
        assertThat(RowFigures.of(data).deadLettered()).isEqualTo(1);
        assertThat(RowFigures.of(data).completed()).isZero();
    }

    @Test
    void async_events_that_fail_once_complete_on_a_retry() {
        Scenario scenario = new Scenario("faults", "", EventsSpec.burst(200), Pipeline.SNS_LAMBDA, null,
                new ConsumerSpec(null, null, 5, 512, 0, 0.1, 0), FAST);
        SimulationStats stats = Simulator.run(scenario, SimulationOptions.seed(3)).stats();

        // A tenth fail their first attempt, a tenth of those their second, a tenth of those their
        // third: with 200 events, about 0.2 are lost. The async queue reads the 200 at 16.6 a
        // second (about 12 s), and a late event failing twice comes back 1 + 2 minutes later.
        assertThat(stats.completed() + stats.failed()).isEqualTo(200);
        assertThat(stats.failed()).isBetween(0L, 2L);
        assertThat(stats.timeTakenMillis()).isBetween(60_000L, 200_000L);
    }
}
