package io.streamlimit.local.bench;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.local.bench.BenchResults.LabFigures;
import io.streamlimit.local.bench.BenchResults.LabRecommend;
import io.streamlimit.local.bench.BenchResults.LabSimulation;
import io.streamlimit.recommend.RankedCandidate;
import io.streamlimit.recommend.RecommendRequest;
import io.streamlimit.recommend.Recommendation;
import io.streamlimit.recommend.Recommender;
import io.streamlimit.results.ResultsStore;
import io.streamlimit.results.RunData;
import io.streamlimit.results.SaveProgress;
import io.streamlimit.scenario.DayTraffic;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.ScenarioLoader;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.Simulator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * (7) The lab at scale: a million simulated events of a throttle-bound scenario (04), of the
 * recommended one and of the Kinesis pipeline's kinesis-50-per-second, each saved to PostgreSQL, and {@code recommend --limit 1} over a day of spiky
 * traffic. Wall time, CPU time and the heap's peak, as a user of the CLI meets them.
 */
final class LabBench {

    static final int EVENTS = 1_000_000;
    /** The day of docs/PERFORMANCE.md: 0.2 events/s, 30 s at 50/s every hour. */
    static final DayTraffic DAY = DayTraffic.of(0.2, 50, 30, 3_600, 86_400);

    private LabBench() {
    }

    static LabFigures run(Path scenarios, ResultsStore store, Consumer<String> say) {
        store.createSchema();
        LabSimulation throttled = simulateAndSave(ScenarioLoader.load(scenarios.resolve("04-sqs-rc1-high-visibility.yaml")),
                store, say);
        LabSimulation recommended = simulateAndSave(ScenarioLoader.load(scenarios.resolve("recommended.yaml")), store, say);
        LabSimulation kinesis = simulateAndSave(ScenarioLoader.load(scenarios.resolve("kinesis-50-per-second.yaml")),
                store, say);
        return new LabFigures(throttled, recommended, recommend(say), kinesis);
    }

    static LabSimulation simulateAndSave(Scenario scenario, ResultsStore store, Consumer<String> say) {
        say.accept(String.format("   simulating %,d events of %s", EVENTS, scenario.name()));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        resetHeapPeak();
        long wallBefore = System.nanoTime();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        String runId = "bench-lab-" + scenario.name();
        RunData data = Simulator.run(scenario, new SimulationOptions(1, EVENTS, runId, null)).runData();
        double simulateCpu = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        double simulateWall = (System.nanoTime() - wallBefore) / 1e9;
        long rows = data.invocations().size() + data.pipelineEvents().size() + data.pipelineCounts().rows();
        say.accept(String.format("   simulated in %.1f s (%.1f s CPU); saving %,d rows", simulateWall, simulateCpu, rows));
        store.deleteRun(runId);
        long saveBefore = System.nanoTime();
        store.saveRunData(data, SaveProgress.NONE);
        double saveWall = (System.nanoTime() - saveBefore) / 1e9;
        double totalCpu = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        double peakHeapMb = heapPeakMb();
        store.deleteRun(runId);
        say.accept(String.format("   saved in %.1f s (%,.0f rows/s); %.1f s in all, peak heap %,.0f MB", saveWall,
                rows / saveWall, simulateWall + saveWall, peakHeapMb));
        return new LabSimulation(scenario.name(), EVENTS, simulateWall, simulateCpu, rows, saveWall,
                simulateWall + saveWall, totalCpu, peakHeapMb);
    }

    private static LabRecommend recommend(Consumer<String> say) {
        RecommendRequest request = RecommendRequest.of(1, DAY);
        say.accept(String.format("   recommend --limit 1 over a day: %s", DAY.counts()));
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        resetHeapPeak();
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        int[] candidates = {0, 0};
        Recommendation recommendation = new Recommender(new io.streamlimit.metrics.CostModel(), AwsBehaviour.current())
                .recommend(request, (done, total, stopped) -> {
                    if (done == total) {
                        candidates[0] += total;
                        candidates[1] += stopped;
                    }
                });
        double wall = (System.nanoTime() - wallBefore) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        RankedCandidate winner = recommendation.winner();
        say.accept(String.format("   %.1f s (%.1f s CPU, all threads), %d candidates, %d stopped early; winner: %s, "
                + "lost %d, seconds over the limit %d", wall, cpu, candidates[0], candidates[1], winner.label(),
                winner.lost(), winner.stats().secondsOverLimit()));
        return new LabRecommend(request.events(), DAY.counts().seconds(), wall, cpu, candidates[0], candidates[1],
                winner.label(), winner.lost(), winner.stats().secondsOverLimit(), heapPeakMb());
    }

    private static void resetHeapPeak() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since the reset: at least the heap's peak, close to it. */
    private static double heapPeakMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / 1e6;
    }
}
