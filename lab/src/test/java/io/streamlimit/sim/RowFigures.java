package io.streamlimit.sim;

import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.PipelineEvent;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The figures the tests check, computed straight from a run's rows (independently of the
 * simulator's own stats and of the metrics code): completed events, time taken and seconds over
 * the limit, bucketing inserts by the calendar second of {@code startedAt}.
 */
record RowFigures(long completed, long deadLettered, long timeTakenMillis, long secondsOverLimit, long maxInsertsPerSecond,
                  long throttles, long redeliveries, long timeouts, long invocations) {

    static RowFigures of(RunData data) {
        Set<Long> completed = new HashSet<>();
        Map<Long, Long> perSecond = new HashMap<>();
        long firstSent = Long.MAX_VALUE;
        long lastCompleted = Long.MIN_VALUE;
        for (InvocationRow row : data.invocations()) {
            completed.add(row.id());
            firstSent = Math.min(firstSent, row.sentAt().toEpochMilli());
            lastCompleted = Math.max(lastCompleted, row.completedAt().toEpochMilli());
            perSecond.merge(Math.floorDiv(row.startedAt().toEpochMilli(), 1000), 1L, Long::sum);
        }
        int limit = data.run().limitPerSecond();
        long over = perSecond.values().stream().filter(n -> n > limit).count();
        long max = perSecond.values().stream().mapToLong(Long::longValue).max().orElse(0);
        Set<Long> dead = new HashSet<>();
        Map<PipelineEventKind, Long> kinds = new HashMap<>();
        for (PipelineEvent event : data.pipelineEvents()) {
            kinds.merge(event.kind(), 1L, Long::sum);
            if (event.kind() == PipelineEventKind.DLQ) {
                dead.add(event.eventId());
            }
        }
        return new RowFigures(completed.size(), dead.size(),
                completed.isEmpty() ? 0 : lastCompleted - firstSent, over, max,
                kinds.getOrDefault(PipelineEventKind.THROTTLE, 0L) + data.pipelineCounts().total(PipelineEventKind.THROTTLE),
                kinds.getOrDefault(PipelineEventKind.REDELIVERY, 0L)
                        + data.pipelineCounts().total(PipelineEventKind.REDELIVERY),
                kinds.getOrDefault(PipelineEventKind.TIMEOUT, 0L),
                kinds.getOrDefault(PipelineEventKind.INVOKE, 0L));
    }
}
