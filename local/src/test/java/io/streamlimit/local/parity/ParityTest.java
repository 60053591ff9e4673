package io.streamlimit.local.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.local.run.LocalRun;
import io.streamlimit.local.run.LocalRunOptions;
import io.streamlimit.local.run.RunProgress;
import io.streamlimit.local.run.StackWarmUp;
import io.streamlimit.local.stack.LocalStack;
import io.streamlimit.local.stack.LocalStackOptions;
import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.scenario.DownstreamSpec;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.ScenarioLoader;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.Simulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One model of AWS, two clocks: the same scenario, events and AWS profile run through the local
 * emulator (real services, wall clock) and through the simulator (virtual time) must agree. Both
 * engines drive the same rules ({@code io.streamlimit.aws.rules}), so where they disagree one of
 * them decides an AWS behaviour on its own.
 *
 * <p>The model is random (held batches retry at random intervals, async retries spread, the
 * async queue reads at random moments), so one local run is compared with the spread of
 * {@value #SEEDS} simulated runs (seeds 1 to {@value #SEEDS}), widened by the margins below.
 * Simulations are cheap, and the spread must cover the model's own tails: the time taken of 02
 * (throttled async) runs from 31 to 118 s over 100 seeds, and with 10 seeds a local run of 92 s,
 * at the 96th percentile of the model's own distribution, once fell outside. The margins were
 * chosen from measurement (the local runs of each case on a 2-core machine; docs/MODEL.md has the
 * table): counts of events within 5 % of the events of the spread, the concurrency exactly within
 * it, the time taken within 15 %, the throttles within 10 % (plus 3). With the emulator's
 * held-batch retry changed to a 1 s mean (the model's is 12 s), 03 gave 146 and 160 throttles
 * against 93 to 123 simulated and fails; unchanged, 101 and 102.
 */
class ParityTest {

    private static final int SEEDS = 100;
    private static final double EVENTS_MARGIN = 0.05;
    private static final double TIME_MARGIN = 0.15;
    private static final double THROTTLES_MARGIN = 0.10;
    private static final long THROTTLES_SLACK = 3;

    @TempDir
    static Path resultsDir;

    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws InterruptedException {
        stack = LocalStack.start(new LocalStackOptions(0, null, 0, resultsDir, 0, null));
        StackWarmUp.run(stack, Clock.systemUTC());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    /** A shipped scenario with fewer events, and the call time shortened where that keeps CI short. */
    record Case(String name, Scenario scenario, int events) {

        @Override
        public String toString() {
            return name + " at " + events + " events";
        }
    }

    static Stream<Case> cases() {
        Scenario twoShort = load("02-sns-rc1.yaml");
        twoShort = new Scenario(twoShort.name(), twoShort.description(), twoShort.events(), twoShort.pipeline(),
                twoShort.queue(), twoShort.consumer(), new DownstreamSpec(1, 250, false), twoShort.awsProfile());
        return Stream.of(
                new Case("03-sqs-rc1-low-visibility", load("03-sqs-rc1-low-visibility.yaml"), 60),
                new Case("05-sqs-rc5-high-visibility", load("05-sqs-rc5-high-visibility.yaml"), 60),
                new Case("recommended", load("recommended.yaml"), 300),
                new Case("02-sns-rc1 with 250 ms calls", twoShort, 60));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_local_run_falls_within_the_simulated_spread(Case c) throws InterruptedException {
        AwsBehaviour behaviour = Simulator.behaviour(c.scenario(), SimulationOptions.seed(1));
        List<RunMetrics> simulated = new ArrayList<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            simulated.add(new MetricsCalculator().compute(Simulator.run(c.scenario(),
                    new SimulationOptions(seed, c.events(), "parity-sim-" + seed, behaviour)).runData()));
        }
        LocalRun.Result result = new LocalRun(stack, behaviour, Clock.systemUTC(), RunProgress.NONE).run(c.scenario(),
                new LocalRunOptions("parity-" + c.scenario().name() + "-" + System.nanoTime(), c.events(),
                        Duration.ofSeconds(1), 64, 32, Duration.ofMinutes(10)));
        RunMetrics local = new MetricsCalculator().compute(result.data());
        Spread spread = new Spread(simulated);
        System.out.println(spread.table(c.toString(), local));

        double eventsSlack = EVENTS_MARGIN * c.events();
        assertThat((double) local.eventsCompleted()).as("completed").isBetween(
                spread.min(RunMetrics::eventsCompleted) - eventsSlack, spread.max(RunMetrics::eventsCompleted) + eventsSlack);
        assertThat((double) local.eventsFailed()).as("failed").isBetween(
                spread.min(RunMetrics::eventsFailed) - eventsSlack, spread.max(RunMetrics::eventsFailed) + eventsSlack);
        assertThat((double) local.maxConcurrency()).as("max concurrency").isBetween(
                spread.min(RunMetrics::maxConcurrency), spread.max(RunMetrics::maxConcurrency));
        assertThat(local.timeTakenSeconds()).as("time taken (s)").isBetween(
                spread.min(RunMetrics::timeTakenSeconds) * (1 - TIME_MARGIN),
                spread.max(RunMetrics::timeTakenSeconds) * (1 + TIME_MARGIN));
        assertThat((double) local.throttles()).as("throttles").isBetween(
                spread.min(RunMetrics::throttles) * (1 - THROTTLES_MARGIN) - THROTTLES_SLACK,
                spread.max(RunMetrics::throttles) * (1 + THROTTLES_MARGIN) + THROTTLES_SLACK);
    }

    private static Scenario load(String file) {
        return ScenarioLoader.load(Path.of("..", "scenarios", file));
    }
}
