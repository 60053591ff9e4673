package io.streamlimit.local.bench;

import java.time.Duration;
import java.util.List;

/**
 * How long and how hard each part of the bench runs.
 *
 * @param threads client threads of the closed-loop measurements (DynamoDB writes, ledger, tracker)
 * @param warmUp unmeasured time before each closed-loop or open-loop measurement
 * @param measure measured time of each closed-loop measurement
 * @param offeredPerSecond the fixed rate of the open-loop latency measurements (GetItem, check API)
 * @param openLoopMeasure measured time of each open-loop measurement
 * @param openLoopClients the open-loop client pool
 * @param ledgerUids how many uids the ledger measurement spreads over
 * @param pipelineWarmUpEvents events of the unmeasured pipeline run that warms the JIT
 * @param pipelineEvents events of the measured pipeline run
 * @param pipelineConcurrency the event source mapping's MaximumConcurrency and local poller cap
 * @param simulatorEvents the simulator's sizes, each with how many runs to average
 * @param trackerInstances 1, or 3 to measure three instances on one dynalite as well
 */
public record BenchSettings(
        boolean quick,
        int threads,
        Duration warmUp,
        Duration measure,
        double offeredPerSecond,
        Duration openLoopMeasure,
        int openLoopClients,
        int ledgerUids,
        int pipelineWarmUpEvents,
        int pipelineEvents,
        int pipelineConcurrency,
        List<SimulatorSize> simulatorEvents,
        int trackerInstances) {

    /** One simulator size: {@code events} per run, averaged over {@code runs} runs. */
    public record SimulatorSize(int events, int runs) {
    }

    /** About two minutes and a quarter on two quiet cores. */
    public static BenchSettings full() {
        return new BenchSettings(false, 8, Duration.ofSeconds(2), Duration.ofSeconds(6), 200, Duration.ofSeconds(10), 16,
                20_000, 1_000, 6_000, 8,
                List.of(new SimulatorSize(1_000, 50), new SimulatorSize(100_000, 3), new SimulatorSize(1_000_000, 1)), 3);
    }

    /**
     * About 45 s on two cores: the same figures from shorter, noisier measurements. The pipeline
     * still sends 3,000 events, so that its ramp-up does not dominate its rate.
     */
    public static BenchSettings quickRun() {
        return new BenchSettings(true, 8, Duration.ofMillis(500), Duration.ofSeconds(2), 200, Duration.ofSeconds(3), 16,
                5_000, 400, 3_000, 8,
                List.of(new SimulatorSize(1_000, 20), new SimulatorSize(100_000, 1), new SimulatorSize(1_000_000, 1)), 3);
    }
}
