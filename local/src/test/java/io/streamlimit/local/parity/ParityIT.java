package io.streamlimit.local.parity;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.local.lambda.WallClockWaiter;
import io.streamlimit.local.run.LocalRun;
import io.streamlimit.local.run.LocalRunOptions;
import io.streamlimit.local.run.RunProgress;
import io.streamlimit.local.run.StackWarmUp;
import io.streamlimit.local.stack.LocalStack;
import io.streamlimit.local.stack.LocalStackOptions;
import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.DownstreamSpec;
import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.ProvisionedPollers;
import io.streamlimit.scenario.QueueSpec;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.ScenarioLoader;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.Simulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
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
 * them decides an AWS behaviour on its own. The cases meet throttles, the async queue's retries,
 * the SQS mapping's provisioned pollers, function timeouts, function errors (reported item by item
 * from SQS, retried from the async queue), an enforcing downstream, a Kinesis stream's shards and
 * lanes, and the FIFO pipeline (message groups blocking, concurrency capped by the active groups).
 *
 * <p>The model is random (held batches retry at random intervals, async retries spread, the
 * async queue reads at random moments, the consumer's failures are drawn), so one local run is
 * compared with the spread of {@value #SEEDS} simulated runs (seeds 1 to {@value #SEEDS}),
 * widened by the margins below. Simulations are cheap, and the spread must cover the model's own
 * tails: the time taken of 02 (throttled async) runs from 31 to 118 s over 100 seeds, and with 10
 * seeds a local run of 92 s, at the 96th percentile of the model's own distribution, once fell
 * outside. The margins were chosen from measurement (the local runs of each case on a 2-core
 * machine; docs/MODEL.md has the table): counts of events within 5 % of the events of the spread,
 * the concurrency exactly within it, the time taken within 15 %, the throttles within 10 % (plus
 * 3). With the emulator's held-batch retry changed to a 1 s mean (the model's is 12 s), 03 gave
 * 146 and 160 throttles against 93 to 123 simulated and fails; unchanged, 101 and 102.
 *
 * <p>The emulator waits for the times the rules decide through one {@link WallClockWaiter}, which
 * records how late each wait ran. A run whose 99th percentile is later than
 * {@value #LATE_P99_MILLIS} ms fell behind the wall clock: it no longer shows what the rules say,
 * and the case fails with that figure rather than pass or fail on the metrics' margins. The bound
 * is a quarter of the shortest wait that shapes these runs (the one-second downstream call): on
 * this 2-core machine the p99 ran 12 to 85 ms under a load average of 17 to 21, and 104 ms once at
 * the heaviest load, so 100 ms failed a healthy emulator on a busy machine.
 */
class ParityIT {

    private static final int SEEDS = 100;
    private static final double EVENTS_MARGIN = 0.05;
    private static final double TIME_MARGIN = 0.15;
    private static final double THROTTLES_MARGIN = 0.10;
    private static final long THROTTLES_SLACK = 3;
    /** The latest the emulator's waits may run, at the 99th percentile, before a run counts as fallen behind. */
    private static final long LATE_P99_MILLIS = 250;

    @TempDir
    static Path resultsDir;

    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws InterruptedException {
        // With the local Kinesis for the api-kinesis-lambda case (each run makes its own stream).
        stack = LocalStack.start(new LocalStackOptions(0, null, 0, resultsDir, 0, null).withKinesis(0, 1));
        StackWarmUp.run(stack, Clock.systemUTC());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * A scenario with fewer events, and the call time shortened where that keeps CI short.
     *
     * @param aws changes to the scenario's AWS behaviour, the same in both engines
     */
    record Case(String name, Scenario scenario, int events, UnaryOperator<AwsBehaviour> aws) {

        Case(String name, Scenario scenario, int events) {
            this(name, scenario, events, UnaryOperator.identity());
        }

        @Override
        public String toString() {
            return name + " at " + events + " events";
        }
    }

    static Stream<Case> cases() {
        Scenario twoShort = load("02-sns-rc1.yaml");
        twoShort = new Scenario(twoShort.name(), twoShort.description(), twoShort.events(), twoShort.pipeline(),
                twoShort.queue(), twoShort.consumer(), new DownstreamSpec(1, 250, false), twoShort.awsProfile());
        // Timeouts, function errors reported item by item and an enforcing downstream, from SQS:
        // refused and failed records come back after 12 s, timed-out batches whole.
        Scenario sqsFaults = new Scenario("sqs-faults", "", EventsSpec.burst(100), Pipeline.SNS_SQS_LAMBDA,
                new QueueSpec(12, 5, 5, 0), new ConsumerSpec(3, null, 2, 512, 0, 0.1, 0.05),
                new DownstreamSpec(10, 500, true));
        // Function errors and timeouts from the async queue: two retries each, then the DLQ.
        Scenario asyncFaults = new Scenario("async-faults", "", EventsSpec.burst(40), Pipeline.SNS_LAMBDA, null,
                new ConsumerSpec(2, null, 1, 512, 0, 0.1, 0.05), new DownstreamSpec(1_000, 300, false));
        // Provisioned pollers (the SQS mapping's provisioned mode): the spike of
        // scenarios/sqs-provisioned-pollers.yaml cut to 200 messages, 2 to 4 pollers (20 to 40
        // concurrent batches, under the emulator's 64-thread poller cap), batches of 1 and 4 s
        // calls: at most 10 messages a second, which this machine's local services keep up with.
        // At 40 a second (1 s calls) the local run was bound by them (138.6 s against 17.1 s
        // simulated, 4.4 inserts a second, a load average of 22); this case measured 25.2 s
        // against 22.6 s. The case is about agreement: 4 pollers cap it at 40 concurrent batches,
        // and standard mode, uncapped, simulates the same 200 messages in 20.5 s (77 at most).
        Scenario pollersFile = load("sqs-provisioned-pollers.yaml");
        Scenario pollers = new Scenario("sqs-provisioned-pollers-local", "", pollersFile.events(),
                Pipeline.SNS_SQS_LAMBDA, new QueueSpec(120, 5, 1, 0).withPollers(new ProvisionedPollers(2, 4)),
                new ConsumerSpec(null, null, 30, 512), new DownstreamSpec(5_000, 4_000, false));
        // fifo-200-viewers-steady (50 events a second, a viewer's events 4 s apart, so at most
        // one of a viewer's messages waits at a time): 300 events, 8.0 to 8.2 s local against
        // 8.0 to 8.8 s simulated, concurrency 20 = 20 (the mapping's maximum; 200 groups are active).
        Scenario fifoBurst = load("fifo-200-viewers.yaml");
        // -Dparity.cases=async,03 runs only the cases whose names contain one of these.
        List<String> only = List.of(System.getProperty("parity.cases", "").split(","));
        Stream<Case> all = Stream.of(
                new Case("03-sqs-rc1-low-visibility", load("03-sqs-rc1-low-visibility.yaml"), 60),
                new Case("05-sqs-rc5-high-visibility", load("05-sqs-rc5-high-visibility.yaml"), 60),
                new Case("recommended", load("recommended.yaml"), 300),
                // FIFO: 3 viewers cap the concurrency at 3; 200 viewers keep it at the maximum.
                new Case("fifo-3-viewers", load("fifo-3-viewers.yaml"), 90),
                new Case("fifo-200-viewers-steady", load("fifo-200-viewers-steady.yaml"), 300),
                // 2 shards x parallelization factor 3 bound the consumer at 6: 200 events, 7.3 to
                // 8.0 s local against 7.3 s simulated, concurrency 6 = 6.
                new Case("kinesis-50-per-second", load("kinesis-50-per-second.yaml"), 200),
                new Case("02-sns-rc1 with 250 ms calls", twoShort, 60),
                new Case("sqs with timeouts, function errors and enforce", sqsFaults, 100),
                new Case("sqs-provisioned-pollers with 2 to 4 pollers", pollers, 200),
                // The documented 1 and 2 minute error retries shortened to 5 and 10 s in both engines.
                new Case("async with timeouts and function errors", asyncFaults, 40, aws -> aws.toBuilder()
                        .asyncFirstErrorRetryDelay(Duration.ofSeconds(5))
                        .asyncSecondErrorRetryDelay(Duration.ofSeconds(10)).build()))
                .filter(c -> only.stream().anyMatch(c.name()::contains));
        // Only when named (-Dparity.cases=fifo-200-viewers-burst): the burst of fifo-200-viewers.yaml,
        // 300 events, in which most viewers have two messages waiting at once. SQS returns as many
        // messages of one group as it can in a receive
        // (https://repost.aws/knowledge-center/sqs-fifo-messages-not-returned), and the simulator
        // does; ElasticMQ returns them in queue order, so a viewer's second message waits for a
        // later, smaller batch: 5.0 to 6.4 s local against 4.5 s simulated, concurrency 14 or 15
        // against 15, on this 2-core machine under a load average of 3 to 10.
        Stream<Case> named = Stream.of(new Case("fifo-200-viewers-burst", fifoBurst, 300))
                .filter(c -> only.stream().anyMatch(name -> !name.isEmpty() && c.name().contains(name)));
        return Stream.concat(all, named);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_local_run_falls_within_the_simulated_spread(Case c) throws InterruptedException {
        AwsBehaviour behaviour = c.aws().apply(Simulator.behaviour(c.scenario(), SimulationOptions.seed(1)));
        List<RunMetrics> simulated = new ArrayList<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            simulated.add(new MetricsCalculator().compute(Simulator.run(c.scenario(),
                    new SimulationOptions(seed, c.events(), "parity-sim-" + seed, behaviour)).runData()));
        }
        WallClockWaiter waiter = new WallClockWaiter(Clock.systemUTC());
        LocalRun.Result result = new LocalRun(stack, behaviour, Clock.systemUTC(), RunProgress.NONE,
                UnaryOperator.identity(), waiter).run(c.scenario(),
                new LocalRunOptions("parity-" + c.scenario().name() + "-" + System.nanoTime(), c.events(),
                        Duration.ofSeconds(1), 64, 32, Duration.ofMinutes(10)));
        RunMetrics local = new MetricsCalculator().compute(result.data());
        Spread spread = new Spread(simulated);
        WallClockWaiter.Lateness lateness = waiter.lateness();
        System.out.println(spread.table(c.toString(), local));
        System.out.println("  emulator's waits: " + lateness);

        assertThat(lateness.p99()).as("the emulator fell behind the wall clock (%s); its run does not show the model",
                lateness).isLessThanOrEqualTo(LATE_P99_MILLIS);

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
        if (c.scenario().pipeline().fifo()) {
            // The same run keeps each viewer's order, in the ledger's applied sequence.
            assertThat(result.applied().violations(result.events()))
                    .as("events applied out of their viewer's order").isEmpty();
        }
        assertThat((double) local.throttles()).as("throttles").isBetween(
                spread.min(RunMetrics::throttles) * (1 - THROTTLES_MARGIN) - THROTTLES_SLACK,
                spread.max(RunMetrics::throttles) * (1 + THROTTLES_MARGIN) + THROTTLES_SLACK);
    }

    private static Scenario load(String file) {
        return ScenarioLoader.load(Path.of("..", "scenarios", file));
    }
}
