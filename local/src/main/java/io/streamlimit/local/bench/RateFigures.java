package io.streamlimit.local.bench;

/**
 * An open-loop measurement: requests started on a fixed schedule of {@code offeredPerSecond},
 * whatever the answers before them took, by a pool of {@code clientThreads}. Each latency runs
 * from the request's scheduled start, so a stall delays every request queued behind it and shows
 * in the percentiles (no coordinated omission).
 */
public record RateFigures(double offeredPerSecond, int clientThreads, long requests, long errors,
        double achievedPerSecond, LatencySummary latency) {
}
