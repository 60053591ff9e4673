package io.streamlimit.local.chaos;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How hard and how long a chaos run pushes.
 *
 * @param seed makes the choices of every phase repeat (timings still vary)
 * @param duration keep starting rounds until this much time has passed; zero: one round
 * @param handlerWorkers threads driving the consumer handler and the ledger, each owning its uids
 * @param uidsPerWorker uids each handler worker owns
 * @param handlerOps operations of the handler phase per round (all workers together)
 * @param stormThreads threads of the acquire storm
 * @param stormUids uids the storm fights over
 * @param stormOps operations of the storm phase per round
 * @param pipelineUids uids of the end-to-end phase; each gets five events
 * @param pipelinePoison poison messages of the end-to-end phase
 * @param outage how long dynalite stays down at each restart
 * @param dataDir where dynalite keeps its tables across restarts; null: a temporary directory
 */
public record ChaosOptions(long seed, Duration duration, int handlerWorkers, int uidsPerWorker, int handlerOps,
                           int stormThreads, int stormUids, int stormOps, int pipelineUids, int pipelinePoison,
                           Duration outage, Path dataDir) {

    public ChaosOptions {
        if (handlerWorkers < 1 || uidsPerWorker < 1 || stormThreads < 1 || stormUids < 1 || pipelineUids < 1) {
            throw new IllegalArgumentException("workers, threads and uids must be at least 1");
        }
        if (handlerOps < 0 || stormOps < 0 || pipelinePoison < 0) {
            throw new IllegalArgumentException("operation and poison counts must be 0 or more");
        }
    }

    /** The short profile CI runs: one round of a little over 20,000 operations. */
    public static ChaosOptions ci(long seed) {
        return new ChaosOptions(seed, Duration.ZERO, 4, 24, 16_000, 10, 4, 4_000, 40, 16, Duration.ofMillis(1500), null);
    }

    /** Rounds of the same shape, bigger, until {@code minutes} have passed. */
    public static ChaosOptions forMinutes(long minutes, long seed) {
        return new ChaosOptions(seed, Duration.ofMinutes(minutes), 6, 30, 30_000, 16, 6, 8_000, 80, 24,
                Duration.ofSeconds(2), null);
    }

    public ChaosOptions withDataDir(Path dir) {
        return new ChaosOptions(seed, duration, handlerWorkers, uidsPerWorker, handlerOps, stormThreads, stormUids,
                stormOps, pipelineUids, pipelinePoison, outage, dir);
    }
}
