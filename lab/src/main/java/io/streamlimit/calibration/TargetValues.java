package io.streamlimit.calibration;

import io.streamlimit.fidelity.Figure;
import io.streamlimit.fidelity.FigureCalculator;
import io.streamlimit.fidelity.RunFigures;
import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.RunData;
import io.streamlimit.results.RunRecord;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Target} figures of one run, real or simulated. A run may lack some: gaps need two
 * starts, a point of the share curve needs that many events to have started.
 */
public record TargetValues(Map<Target, Double> values) {

    private static final Map<Target, Figure> FIGURES = Map.of(
            Target.FIRST_TO_LAST_START, Figure.FIRST_TO_LAST_START,
            Target.START_GAP_P10, Figure.START_GAP_P10,
            Target.START_GAP_P50, Figure.START_GAP_P50,
            Target.START_GAP_P90, Figure.START_GAP_P90,
            Target.FAILED, Figure.FAILED);

    public TargetValues {
        EnumMap<Target, Double> copy = new EnumMap<>(Target.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
    }

    /**
     * The figures of rows that processed events of one pipeline, of which {@code published} were
     * published. The fidelity figures come from {@link FigureCalculator}, so that calibration and
     * {@code streamlimit fidelity} measure alike.
     */
    public static TargetValues of(List<InvocationRow> rows, long published) {
        EnumMap<Target, Double> values = new EnumMap<>(Target.class);
        RunFigures figures = FigureCalculator.ofRun(new RunData(record(published), rows, List.of()));
        FIGURES.forEach((target, figure) -> {
            if (figures.has(figure)) {
                values.put(target, figures.value(figure));
            }
        });
        long[] firstStarts = firstStarts(rows);
        for (Target target : Target.values()) {
            if (target.isSharePoint() && firstStarts.length > 0) {
                long rank = (long) Math.ceil(target.share() * published - 1e-9);
                if (rank >= 1 && rank <= firstStarts.length) {
                    values.put(target, (firstStarts[(int) rank - 1] - firstStarts[0]) / 1_000.0);
                }
            }
        }
        return new TargetValues(values);
    }

    /** The mean of each figure over runs that all have it (the seeds of one point). */
    public static TargetValues mean(List<TargetValues> runs) {
        EnumMap<Target, Double> mean = new EnumMap<>(Target.class);
        for (Target target : Target.values()) {
            if (!runs.isEmpty() && runs.stream().allMatch(run -> run.has(target))) {
                mean.put(target, runs.stream().mapToDouble(run -> run.value(target)).average().orElseThrow());
            }
        }
        return new TargetValues(mean);
    }

    public boolean has(Target target) {
        return values.containsKey(target);
    }

    /** The figure, or null when this run lacks it. */
    public Double value(Target target) {
        return values.get(target);
    }

    /** Each event's first start, sorted: the share curve's steps. */
    private static long[] firstStarts(List<InvocationRow> rows) {
        Map<Long, Long> first = new HashMap<>();
        for (InvocationRow row : rows) {
            if (row.startedAt() != null) {
                first.merge(row.id(), row.startedAt().toEpochMilli(), Math::min);
            }
        }
        return first.values().stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Only the published count matters to the figures used here; the rest of the record is not read. */
    private static RunRecord record(long published) {
        return new RunRecord("calibration", "calibration", "calibration", "{}", null, null, published, 1, 128,
                Map.of());
    }
}
