package io.streamlimit.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * A run's rows in and out of {@code invocations}, {@code pipeline_events} and
 * {@code pipeline_counts}: written with COPY, one table per connection, the per-second counts read back.
 */
final class RunRowsCopy {

    private static final List<String> INVOCATION_COLUMNS =
            List.of("run_id", "id", "sent_at", "started_at", "completed_at", "group_id", "batch_id", "cache_id");
    private static final List<String> EVENT_COLUMNS =
            List.of("run_id", "at", "kind", "event_id", "batch_id", "cache_id", "duration_ms", "batch_size");
    private static final List<String> COUNT_COLUMNS = List.of("run_id", "second", "kind", "count");

    private RunRowsCopy() {
    }

    /** Writes one table's rows of a run on the connection it is given; the caller commits. */
    @FunctionalInterface
    interface TableCopy {
        void write(Connection connection) throws SQLException;
    }

    /**
     * Saves the run's rows with COPY, each table on its own connection, all at once.
     *
     * @return the first failure, or null; the caller deletes what the other tables wrote
     */
    static RuntimeException saveAll(DataSource dataSource, RunData data, SaveProgress progress) {
        String runId = data.run().runId();
        List<TableCopy> copies = copies(data, progress);
        ExecutorService pool = Executors.newFixedThreadPool(copies.size(), runnable -> {
            Thread thread = new Thread(runnable, "save-" + runId);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Object>> saving = new ArrayList<>();
            for (TableCopy copy : copies) {
                saving.add(pool.submit(() -> Sql.run(dataSource, "save the rows of run " + runId, connection -> {
                    connection.setAutoCommit(false);
                    try (Statement statement = connection.createStatement()) {
                        // A run lost in a crash is simply saved again: no need to wait for the disk.
                        statement.execute("set local synchronous_commit = off");
                    }
                    copy.write(connection);
                    connection.commit();
                    return null;
                })));
            }
            return firstFailure(saving, runId);
        } finally {
            pool.shutdownNow();
        }
    }

    private static RuntimeException firstFailure(List<Future<Object>> saving, String runId) {
        RuntimeException failure = null;
        for (Future<Object> future : saving) {
            try {
                future.get();
            } catch (ExecutionException e) {
                failure = failure != null ? failure : e.getCause() instanceof RuntimeException r ? r
                        : new ResultsStoreException("could not save the rows of run " + runId + ": " + e.getCause(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new ResultsStoreException("interrupted saving run " + runId, e);
            }
        }
        return failure;
    }

    /**
     * The run's three tables as three copies that may run at once, on three connections: the
     * database then parses and indexes them on every core.
     */
    static List<TableCopy> copies(RunData data, SaveProgress progress) {
        // Throttle and redelivery rows, if a caller still has them, are stored as counts.
        RunData counted = data.withEventsCounted();
        List<RowInserts.CountRow> counts = RowInserts.CountRow.of(data.run().runId(), counted.pipelineCounts());
        long total = counted.invocations().size() + counted.pipelineEvents().size() + counts.size();
        if (total == 0) {
            progress.saved(0, 0);
        }
        CopyRows copy = new CopyRows(progress, total);
        return List.of(
                connection -> copy.copy(connection, "invocations", INVOCATION_COLUMNS, counted.invocations(),
                        (line, row) -> line.text(row.runId()).integer(Math.toIntExact(row.id())).instant(row.sentAt())
                                .instant(row.startedAt()).instant(row.completedAt()).text(row.groupId())
                                .text(row.batchId()).text(row.cacheId())),
                connection -> copy.copy(connection, "pipeline_events", EVENT_COLUMNS, counted.pipelineEvents(),
                        (line, event) -> line.text(event.runId()).instant(event.at()).text(event.kind().name())
                                .number(event.eventId()).text(event.batchId()).text(event.cacheId())
                                .number(event.durationMillis()).integer(event.batchSize())),
                connection -> copy.copy(connection, "pipeline_counts", COUNT_COLUMNS, counts,
                        (line, count) -> line.text(count.runId()).instant(java.time.Instant.ofEpochSecond(count.epochSecond()))
                                .text(count.kind().name()).number(count.count())));
    }

    static PipelineCounts loadCounts(Connection connection, String runId, int fetchSize) throws SQLException {
        PipelineCounts.Builder counts = new PipelineCounts.Builder();
        try (PreparedStatement statement = connection.prepareStatement("""
                select extract(epoch from second)::bigint as second, kind, count
                from pipeline_counts where run_id = ? order by second, kind""")) {
            statement.setFetchSize(fetchSize);
            statement.setString(1, runId);
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    counts.addAtSecond(PipelineEventKind.valueOf(resultSet.getString("kind")),
                            resultSet.getLong("second"), resultSet.getLong("count"));
                }
            }
        }
        return counts.build();
    }
}
