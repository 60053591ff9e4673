package io.streamlimit.local.bench;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.local.bench.BenchResults.SimulatorFigures;
import io.streamlimit.local.bench.BenchResults.SimulatorRun;
import io.streamlimit.scenario.ArrivalPattern;
import io.streamlimit.scenario.ConsumerSpec;
import io.streamlimit.scenario.DownstreamSpec;
import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.QueueSpec;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.Simulator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * (5) The simulator's cost: events simulated per CPU-second of the simulating thread (this one;
 * a run is single-threaded), after warm-up runs, on the recommended scenario's settings.
 */
final class SimulatorBench {

    /** The settings of scenarios/recommended.yaml, built here so the bench needs no file. */
    static final Scenario SCENARIO = new Scenario("bench-recommended", "scenarios/recommended.yaml's settings",
            new EventsSpec(1_000, ArrivalPattern.BURST, 200, null, null, null, 50), Pipeline.SNS_SQS_LAMBDA,
            new QueueSpec(120, 5, 10, 1), new ConsumerSpec(5, 5, 10, 512), new DownstreamSpec(50, 1_000, false));

    private static final int WARM_UP_EVENTS = 20_000;
    private static final int WARM_UP_RUNS = 3;

    private SimulatorBench() {
    }

    /** @param starting hears the size of each measurement before it starts */
    static SimulatorFigures run(BenchSettings settings, IntConsumer starting) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure a thread's CPU time");
        }
        threads.setThreadCpuTimeEnabled(true);
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            simulate(WARM_UP_EVENTS, 100 + i);
        }
        List<SimulatorRun> runs = new ArrayList<>();
        for (BenchSettings.SimulatorSize size : settings.simulatorEvents()) {
            starting.accept(size.events());
            long cpu = 0;
            long wall = 0;
            for (int i = 0; i < size.runs(); i++) {
                long cpuBefore = threads.getCurrentThreadCpuTime();
                long wallBefore = System.nanoTime();
                simulate(size.events(), i);
                cpu += threads.getCurrentThreadCpuTime() - cpuBefore;
                wall += System.nanoTime() - wallBefore;
            }
            double cpuSeconds = cpu / 1e9 / size.runs();
            runs.add(new SimulatorRun(size.events(), size.runs(), cpuSeconds, wall / 1e9 / size.runs(), size.events() / cpuSeconds));
        }
        return new SimulatorFigures(SCENARIO.name(), runs);
    }

    private static void simulate(int events, long seed) {
        SimulationOptions options = new SimulationOptions(seed, events, "bench-sim-" + seed, AwsBehaviour.current());
        long completed = Simulator.run(SCENARIO, options).stats().completed();
        if (completed != events) {
            throw new IllegalStateException("the simulator completed " + completed + " of " + events + " events");
        }
    }
}
