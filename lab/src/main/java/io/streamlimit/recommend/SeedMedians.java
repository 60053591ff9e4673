package io.streamlimit.recommend;

import io.streamlimit.metrics.Latency;
import io.streamlimit.sim.SimulationStats;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * One candidate simulated with several seeds, as the one {@link Simulated} the ranking reads:
 * each figure the median over the seeds (of an even count, the mean of the middle two, whole
 * figures rounded half up), with every figure's range beside it ({@link SeedRanges}).
 */
final class SeedMedians {

    private SeedMedians() {
    }

    /**
     * The medians of {@code runs} (one per seed, in seed order, none stopped early). A median of
     * ordered quantiles stays ordered, since each seed's p50 is at most its p95, and so on.
     */
    static Simulated of(long firstSeed, List<Simulated> runs) {
        if (runs.isEmpty() || runs.stream().anyMatch(Simulated::stoppedEarly)) {
            throw new IllegalArgumentException("medians need runs to the end, got " + runs.size() + " runs, "
                    + runs.stream().filter(Simulated::stoppedEarly).count() + " stopped early");
        }
        Simulated first = runs.get(0);
        List<SimulationStats> stats = runs.stream().map(Simulated::stats).toList();
        SimulationStats medianStats = new SimulationStats(
                median(stats, SimulationStats::totalEvents), median(stats, SimulationStats::completed),
                median(stats, SimulationStats::failed), median(stats, SimulationStats::unfinished),
                median(stats, SimulationStats::duplicates), median(stats, SimulationStats::timeTakenMillis),
                (int) median(stats, SimulationStats::maxConcurrency), median(stats, SimulationStats::invocations),
                median(stats, SimulationStats::throttles), median(stats, SimulationStats::redeliveries),
                median(stats, SimulationStats::coldStarts), median(stats, SimulationStats::timeouts),
                median(stats, SimulationStats::wastedInvocations), median(stats, SimulationStats::secondsOverLimit),
                median(stats, SimulationStats::refusedCalls), median(stats, SimulationStats::virtualEndMillis),
                median(stats, SimulationStats::steps));
        boolean spikes = first.spikeLatency() != null;
        return new Simulated(first.order(), first.candidate(), medianStats, median(runs, Simulated::lost),
                medianDouble(runs, Simulated::costUsd), false,
                latency(runs.stream().map(Simulated::latency).toList()),
                spikes ? latency(runs.stream().map(Simulated::spikeLatency).map(Objects::requireNonNull).toList()) : null,
                SeedRanges.of(firstSeed, runs));
    }

    private static Latency latency(List<Latency> each) {
        return new Latency(median(each, Latency::p50Millis), median(each, Latency::p95Millis),
                median(each, Latency::p99Millis), median(each, Latency::maxMillis));
    }

    /** The middle value; of an even count, the mean of the middle two rounded half up. */
    static <T> long median(List<T> items, ToLongFunction<T> figure) {
        long[] values = items.stream().mapToLong(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : Math.floorDiv(values[n / 2 - 1] + values[n / 2] + 1, 2);
    }

    static <T> double medianDouble(List<T> items, ToDoubleFunction<T> figure) {
        double[] values = items.stream().mapToDouble(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
