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
 * Each figure is the best of a few runs after a warm-up, in process CPU time (all threads,
 * garbage collection included).
 */
public final class SimBenchmark {

    private SimBenchmark() {
    }

    public static void main(String[] args) {
        measure("recommended.yaml", 1_000, 20);
        measure("04-sqs-rc1-high-visibility.yaml", 1_000, 5);
        measure("recommended.yaml", 1_000_000, 3);
        measure("04-sqs-rc1-high-visibility.yaml", 100_000, 1);
        measure("01-no-limits.yaml", 1_000_000, 2);
    }

    private static void measure(String file, int events, int runs) {
        Scenario scenario = Scenarios.load(file);
        Simulator.run(scenario, SimulationOptions.seed(0).withEvents(Math.min(events, 10_000)));
        long best = Long.MAX_VALUE;
        SimulationStats stats = null;
        for (int i = 0; i < runs; i++) {
            long before = processCpuNanos();
            stats = Simulator.run(scenario, SimulationOptions.seed(i).withEvents(events)).stats();
            best = Math.min(best, processCpuNanos() - before);
        }
        System.out.printf("%-34s %,10d events: %,8d ms CPU  (%,d steps, %,d throttles, %,d s virtual)%n",
                file, events, best / 1_000_000, stats.steps(), stats.throttles(), stats.virtualEndMillis() / 1000);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
