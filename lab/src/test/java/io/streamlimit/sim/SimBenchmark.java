package io.streamlimit.sim;

import io.streamlimit.scenario.Scenario;
import java.lang.management.ManagementFactory;

/**
 * CPU time to simulate 1,000 and 1,000,000 events: a benchmark to run by hand, not a test.
 *
 * <pre>
 * ./mvnw -q -o -B install -pl lab -DskipTests
 * java -cp "lab/target/classes:lab/target/test-classes:$(cat cp.txt)" io.streamlimit.sim.SimBenchmark
 * </pre>
 * (cp.txt from {@code ./mvnw -q -pl lab dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 * Each figure is the mean of a few runs after a warm-up, in process CPU time (all threads,
 * garbage collection included).
 */
public final class SimBenchmark {

    private SimBenchmark() {
    }

    public static void main(String[] args) {
        measure("recommended.yaml", 1_000, 200);
        measure("04-sqs-rc1-high-visibility.yaml", 1_000, 5);
        measure("recommended.yaml", 1_000_000, 3);
        // Throttle-bound: the work grows with virtual time x pollers (1,000 retrying), not with events.
        measure("04-sqs-rc1-high-visibility.yaml", 10_000, 1);
        measure("01-no-limits.yaml", 1_000_000, 2);
    }

    private static void measure(String file, int events, int runs) {
        Scenario scenario = Scenarios.load(file);
        Simulator.run(scenario, SimulationOptions.seed(0).withEvents(Math.min(events, 10_000)));
        SimulationStats stats = null;
        long before = processCpuNanos();
        for (int i = 0; i < runs; i++) {
            stats = Simulator.run(scenario, SimulationOptions.seed(i).withEvents(events)).stats();
        }
        double millis = (processCpuNanos() - before) / 1e6 / runs;
        System.out.printf("%-34s %,10d events: %,10.1f ms CPU  (%,d steps, %,d throttles, %,d s virtual)%n",
                file, events, millis, stats.steps(), stats.throttles(), stats.virtualEndMillis() / 1000);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
