package io.streamlimit.local.bench;

import java.util.List;

/**
 * Every figure of one bench run; the ratios and targets are derived from these by
 * {@link BenchReport}, so they always come from the same run.
 *
 * @param elapsedSeconds the whole bench, services' start included
 */
public record BenchResults(
        MachineInfo machine,
        boolean quick,
        double elapsedSeconds,
        DynamoDbFigures dynamoDb,
        LedgerFigures ledger,
        PipelineFigures pipeline,
        RateFigures checkApi,
        SimulatorFigures simulator,
        TrackerFigures tracker,
        LabFigures lab) {

    /** Without the lab figures (7). */
    public BenchResults(MachineInfo machine, boolean quick, double elapsedSeconds, DynamoDbFigures dynamoDb,
            LedgerFigures ledger, PipelineFigures pipeline, RateFigures checkApi, SimulatorFigures simulator,
            TrackerFigures tracker) {
        this(machine, quick, elapsedSeconds, dynamoDb, ledger, pipeline, checkApi, simulator, tracker, null);
    }

    /**
     * Where the figures came from.
     *
     * @param loadAverage the one-minute load average when the bench started (-1 if unknown): on a
     *     shared machine it says how noisy the figures are
     */
    public record MachineInfo(int cpus, String cpuModel, String java, String os, double loadAverage) {
    }

    /** (1) dynalite over HTTP, on the same server and client the pipeline uses. */
    public record DynamoDbFigures(OpsFigures conditionalWrites, RateFigures getItem) {
    }

    /** (2) The ledger's operations on dynalite. */
    public record LedgerFigures(int uids, OpsFigures acquire, OpsFigures check) {
    }

    /**
     * (3) The local pipeline end to end with an unlimited downstream.
     *
     * @param seconds first publish to last completion
     * @param eventsPerSecond completed events over {@code seconds}
     * @param steadyEventsPerSecond the rate between the 10th and the 90th percentile of completions,
     *     without the event source mapping's ramp-up and the last stragglers
     * @param meanBatchSize events per consumer invocation
     * @param sqsRequestsPerEvent the mapping's receives and deletes per completed event
     * @param ledgerRequestsPerEvent the ledger's DynamoDB reads and writes per completed event
     */
    public record PipelineFigures(int events, int completed, int maximumConcurrency, double seconds,
            double eventsPerSecond, double steadyEventsPerSecond, double meanBatchSize, double sqsRequestsPerEvent,
            double ledgerRequestsPerEvent) {
    }

    /** (5) The simulator, one entry per size. */
    public record SimulatorFigures(String scenario, List<SimulatorRun> runs) {
    }

    /**
     * @param cpuSecondsPerRun CPU time of the simulating thread, averaged over {@code runs}
     * @param wallSecondsPerRun elapsed time, averaged over {@code runs}
     */
    public record SimulatorRun(int events, int runs, double cpuSecondsPerRun, double wallSecondsPerRun,
            double eventsPerCpuSecond) {
    }

    /** (6) The tracker over HTTP; {@code threeInstances} is null when not measured. */
    public record TrackerFigures(OpsFigures oneInstance, OpsFigures threeInstances) {
    }

    /**
     * (7) The lab at scale: simulations of 10^6 events with their save (a throttle-bound SQS
     * scenario, the recommended one and a Kinesis one; {@code kinesis} null when not measured), and
     * recommend over a day.
     */
    public record LabFigures(LabSimulation throttled, LabSimulation recommended, LabRecommend recommend,
                             LabSimulation kinesis) {

        /** Without the Kinesis scenario. */
        public LabFigures(LabSimulation throttled, LabSimulation recommended, LabRecommend recommend) {
            this(throttled, recommended, recommend, null);
        }
    }

    /**
     * @param simulateCpuSeconds CPU time of the simulating thread
     * @param rows the rows saved: invocations, pipeline events and per-second counts
     * @param totalCpuSeconds CPU time of this thread for both (the database's own is not counted)
     * @param peakHeapMb the heap pools' peak while simulating and saving
     */
    public record LabSimulation(String scenario, int events, double simulateWallSeconds, double simulateCpuSeconds,
            long rows, double saveWallSeconds, double totalWallSeconds, double totalCpuSeconds, double peakHeapMb) {
    }

    /** @param cpuSeconds the process's CPU time, every thread */
    public record LabRecommend(int events, int seconds, double wallSeconds, double cpuSeconds, int candidates,
            int stoppedEarly, String winner, long winnerLost, long winnerSecondsOverLimit, double peakHeapMb) {
    }
}
