package io.streamlimit.local.bench;

/**
 * A closed-loop measurement: each of {@code threads} threads runs the operation again as soon as
 * the previous one returns, for {@code seconds}.
 *
 * @param errors operations that threw; they count in the latencies but not in {@link #perSecond}
 */
public record OpsFigures(int threads, long operations, long errors, double seconds, double perSecond, LatencySummary latency) {
}
