package io.streamlimit.fidelity;

import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.RunData;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes a run's {@link Figure}s from its rows: one piece of code for traces and simulated runs,
 * so that a difference between them is the model's and not the arithmetic's.
 *
 * <ul>
 *   <li>Starts are the rows' {@code started_at}, sorted; gaps are between consecutive starts, and
 *       their quantiles are nearest-rank (the sorted gap at rank ceil(q x n)), which reproduces
 *       the calibration README's table to the millisecond.</li>
 *   <li>Completed is distinct event ids; failed is the published events without a row.</li>
 *   <li>The busiest second counts starts per whole second from the first start.</li>
 *   <li>The completed share at T counts events (each at its first row) started within T seconds
 *       of the first start, over the published events: a row is written when the handler starts
 *       its call, which is what the original per-second chart of inserts shows.</li>
 *   <li>Time taken (runs only) is the run's start (its first publish) to the last completion.</li>
 *   <li>Inserts per second (average and most) and throttles (runs only) are the metrics table's.</li>
 * </ul>
 */
public final class FigureCalculator {

    private static final Map<Figure, Integer> SHARE_AT_SECONDS = Map.of(
            Figure.COMPLETED_SHARE_AT_300S, 300,
            Figure.COMPLETED_SHARE_AT_600S, 600,
            Figure.COMPLETED_SHARE_AT_900S, 900,
            Figure.COMPLETED_SHARE_AT_1200S, 1_200);

    private FigureCalculator() {
    }

    /** The figures of a simulated (or recorded) run, time taken included. */
    public static RunFigures ofRun(RunData data) {
        EnumMap<Figure, Double> figures = fromRows(data.invocations(), data.run().totalEvents());
        long lastCompletion = Long.MIN_VALUE;
        long firstPublish = data.run().startedAt() == null ? Long.MAX_VALUE : data.run().startedAt().toEpochMilli();
        for (InvocationRow row : data.invocations()) {
            lastCompletion = Math.max(lastCompletion, millis(first(row.completedAt(), row.startedAt())));
            if (data.run().startedAt() == null) {
                firstPublish = Math.min(firstPublish, millis(first(row.sentAt(), row.startedAt())));
            }
        }
        if (!data.invocations().isEmpty()) {
            figures.put(Figure.TIME_TAKEN, seconds(Math.max(0, lastCompletion - firstPublish)));
        }
        // The metrics table's own arithmetic, so a figure here reads as it does there.
        RunMetrics metrics = new MetricsCalculator().compute(data);
        figures.put(Figure.AVG_INSERTS_PER_SECOND, metrics.avgInsertsPerSecond());
        figures.put(Figure.MAX_INSERTS_PER_SECOND, (double) metrics.maxInsertsPerSecond());
        figures.put(Figure.THROTTLES, (double) metrics.throttles());
        return new RunFigures(figures);
    }

    /**
     * The figures of one consumer of a trace. No time taken: the original producer set
     * {@code sent_at} when its module loaded, minutes before it published, so it is stale.
     *
     * @param publishedEvents how many events the producer published to this consumer
     */
    public static RunFigures ofTrace(List<TraceRow> groupRows, long publishedEvents) {
        List<InvocationRow> rows = groupRows.stream().map(row -> row.toInvocationRow("trace")).toList();
        return new RunFigures(fromRows(rows, publishedEvents));
    }

    private static EnumMap<Figure, Double> fromRows(List<InvocationRow> rows, long publishedEvents) {
        EnumMap<Figure, Double> figures = new EnumMap<>(Figure.class);
        Map<Long, Long> firstStartById = new HashMap<>();
        Set<String> environments = new HashSet<>();
        long[] starts = new long[rows.size()];
        for (int i = 0; i < starts.length; i++) {
            InvocationRow row = rows.get(i);
            if (row.cacheId() != null) {
                environments.add(row.cacheId());
            }
            starts[i] = millis(first(row.startedAt(), row.completedAt()));
            firstStartById.merge(row.id(), starts[i], Math::min);
        }
        Arrays.sort(starts);
        long[] firstStarts = firstStartById.values().stream().mapToLong(Long::longValue).sorted().toArray();
        figures.put(Figure.COMPLETED, (double) firstStarts.length);
        figures.put(Figure.FAILED, (double) Math.max(0, publishedEvents - firstStarts.length));
        figures.put(Figure.ENVIRONMENTS, (double) environments.size());
        if (starts.length > 0) {
            figures.put(Figure.FIRST_TO_LAST_START, seconds(starts[starts.length - 1] - starts[0]));
            figures.put(Figure.BUSIEST_SECOND, (double) busiestSecond(starts));
            SHARE_AT_SECONDS.forEach((figure, at) ->
                    figures.put(figure, share(startedWithin(firstStarts, starts[0] + at * 1_000L), publishedEvents)));
        }
        if (starts.length > 1) {
            long[] gaps = new long[starts.length - 1];
            for (int i = 0; i < gaps.length; i++) {
                gaps[i] = starts[i + 1] - starts[i];
            }
            Arrays.sort(gaps);
            figures.put(Figure.START_GAP_P10, seconds(nearestRank(gaps, 10)));
            figures.put(Figure.START_GAP_P50, seconds(nearestRank(gaps, 50)));
            figures.put(Figure.START_GAP_P90, seconds(nearestRank(gaps, 90)));
        }
        return figures;
    }

    /** Most starts in one whole second from the first start; {@code starts} sorted. */
    static long busiestSecond(long[] starts) {
        long most = 0;
        long inSecond = 0;
        long second = -1;
        for (long start : starts) {
            long thisSecond = (start - starts[0]) / 1_000;
            if (thisSecond != second) {
                second = thisSecond;
                inSecond = 0;
            }
            most = Math.max(most, ++inSecond);
        }
        return most;
    }

    /** The value at rank ceil(percent/100 x n) of sorted values (1-based), in integer arithmetic. */
    static long nearestRank(long[] sorted, int percent) {
        if (sorted.length == 0 || percent < 0 || percent > 100) {
            throw new IllegalArgumentException(sorted.length + " values, percentile " + percent);
        }
        long rank = ((long) percent * sorted.length + 99) / 100;
        return sorted[(int) Math.max(0, rank - 1)];
    }

    private static long startedWithin(long[] starts, long limitMillis) {
        long count = 0;
        for (long start : starts) {
            count += start <= limitMillis ? 1 : 0;
        }
        return count;
    }

    private static double share(long count, long publishedEvents) {
        return publishedEvents <= 0 ? 0 : (double) count / publishedEvents;
    }

    private static double seconds(long millis) {
        return millis / 1_000.0;
    }

    private static Instant first(Instant a, Instant b) {
        return a != null ? a : b;
    }

    private static long millis(Instant instant) {
        return instant.toEpochMilli();
    }
}
