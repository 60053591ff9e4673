package io.streamlimit.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The multi-row inserts of the row tables, for writers that add a few rows to a run. */
final class RowInserts {

    private RowInserts() {
    }

    static final RowBatcher<InvocationRow> INVOCATIONS = new RowBatcher<>("invocations",
            List.of("run_id", "id", "sent_at", "started_at", "completed_at", "group_id", "batch_id", "cache_id"),
            (statement, i, row) -> {
                statement.setString(i, row.runId());
                statement.setInt(i + 1, Math.toIntExact(row.id()));
                Jdbc.setInstant(statement, i + 2, row.sentAt());
                Jdbc.setInstant(statement, i + 3, row.startedAt());
                Jdbc.setInstant(statement, i + 4, row.completedAt());
                statement.setString(i + 5, row.groupId());
                statement.setString(i + 6, row.batchId());
                statement.setString(i + 7, row.cacheId());
            });

    static final RowBatcher<PipelineEvent> PIPELINE_EVENTS = new RowBatcher<>("pipeline_events",
            List.of("run_id", "at", "kind", "event_id", "batch_id", "cache_id", "duration_ms", "batch_size"),
            (statement, i, event) -> {
                statement.setString(i, event.runId());
                Jdbc.setInstant(statement, i + 1, event.at());
                statement.setString(i + 2, event.kind().name());
                Jdbc.setLong(statement, i + 3, event.eventId());
                statement.setString(i + 4, event.batchId());
                statement.setString(i + 5, event.cacheId());
                statement.setLong(i + 6, event.durationMillis());
                statement.setInt(i + 7, event.batchSize());
            });

    /** A row of {@code pipeline_counts}. */
    record CountRow(String runId, PipelineEventKind kind, long epochSecond, long count) {

        /** A run's non-zero per-second counts as rows. */
        static List<CountRow> of(String runId, PipelineCounts counts) {
            List<CountRow> rows = new ArrayList<>();
            counts.forEach((kind, second, count) -> rows.add(new CountRow(runId, kind, second, count)));
            return rows;
        }
    }

    static final RowBatcher<CountRow> PIPELINE_COUNTS = new RowBatcher<>("pipeline_counts",
            List.of("run_id", "second", "kind", "count"),
            (statement, i, row) -> {
                statement.setString(i, row.runId());
                Jdbc.setInstant(statement, i + 1, Instant.ofEpochSecond(row.epochSecond()));
                statement.setString(i + 2, row.kind().name());
                statement.setLong(i + 3, row.count());
            });
}
