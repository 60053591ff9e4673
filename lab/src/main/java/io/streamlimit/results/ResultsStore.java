package io.streamlimit.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.metrics.MetricsJson;
import io.streamlimit.metrics.RunMetrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Reads and writes runs in the PostgreSQL results database, the same way in every mode.
 *
 * <p>Round trips are exact except where PostgreSQL normalises: timestamps keep microseconds, and
 * the configuration is {@code jsonb}, so it comes back with jsonb's key order and spacing. Rows
 * come back ordered by (id, started_at, batch_id), pipeline events by (at, kind, event_id,
 * batch_id); throttles and redeliveries come back as per-second counts, however they were given.
 */
public final class ResultsStore implements ResultsSink {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FETCH_SIZE = 10_000;

    private static final RowBatcher<InvocationRow> INVOCATIONS = new RowBatcher<>("invocations",
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

    private static final RowBatcher<PipelineEvent> PIPELINE_EVENTS = new RowBatcher<>("pipeline_events",
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

    private final DataSource dataSource;

    public ResultsStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A store over a JDBC url such as {@code jdbc:postgresql://localhost:5432/results?user=u&password=p}. */
    public ResultsStore(String jdbcUrl) {
        this(dataSourceFor(jdbcUrl));
    }

    private static DataSource dataSourceFor(String jdbcUrl) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        return dataSource;
    }

    /** Creates the results schema, or migrates an older one to the latest version. */
    public void createSchema() {
        try {
            ResultsSchema.migrate(dataSource);
        } catch (FlywayException e) {
            throw new ResultsStoreException("could not migrate the results schema: " + e.getMessage(), e);
        }
    }

    /** Inserts the run, or replaces it if a run with that id exists (its summary is kept). */
    public void saveRun(RunRecord run) {
        String sql = """
                insert into runs (run_id, scenario, mode, configuration, started_at, ended_at,
                                  total_events, limit_per_second, memory_mb, request_counts)
                values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (run_id) do update set
                  scenario = excluded.scenario, mode = excluded.mode,
                  configuration = excluded.configuration, started_at = excluded.started_at,
                  ended_at = excluded.ended_at, total_events = excluded.total_events,
                  limit_per_second = excluded.limit_per_second, memory_mb = excluded.memory_mb,
                  request_counts = excluded.request_counts""";
        run("save run " + run.runId(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, run.runId());
                statement.setString(2, run.scenario());
                statement.setString(3, run.mode());
                statement.setString(4, run.configurationJson());
                Jdbc.setInstant(statement, 5, run.startedAt());
                Jdbc.setInstant(statement, 6, run.endedAt());
                statement.setLong(7, run.totalEvents());
                statement.setInt(8, run.limitPerSecond());
                statement.setInt(9, run.memoryMb());
                statement.setString(10, toJson(new TreeMap<>(run.requestCounts())));
                return statement.executeUpdate();
            }
        });
    }

    /** Stores the run's metrics as its {@code summary} (the JSON of {@link MetricsJson}). */
    public void saveSummary(String runId, RunMetrics metrics) {
        run("save the summary of run " + runId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "update runs set summary = cast(? as jsonb) where run_id = ?")) {
                statement.setString(1, MetricsJson.write(metrics));
                statement.setString(2, runId);
                if (statement.executeUpdate() == 0) {
                    throw new RunNotFoundException(runId);
                }
                return null;
            }
        });
    }

    public Optional<RunMetrics> loadSummary(String runId) {
        return run("load the summary of run " + runId, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select summary::text from runs where run_id = ?")) {
                statement.setString(1, runId);
                try (ResultSet resultSet = statement.executeQuery()) {
                    if (!resultSet.next()) {
                        throw new RunNotFoundException(runId);
                    }
                    return Optional.ofNullable(resultSet.getString(1)).map(MetricsJson::read);
                }
            }
        });
    }

    @Override
    public void insertInvocations(List<InvocationRow> rows) {
        insertAll("insert " + rows.size() + " invocation rows", INVOCATIONS, rows);
    }

    @Override
    public void insertPipelineEvents(List<PipelineEvent> events) {
        insertAll("insert " + events.size() + " pipeline events", PIPELINE_EVENTS, events);
    }

    /** Saves the run and all its rows in one go (the simulator's and the tests' path). */
    public void saveRunData(RunData data) {
        saveRunData(data, SaveProgress.NONE);
    }

    /**
     * Saves the run and all its rows with COPY, each table on its own connection, all at once; if
     * one fails, the rows the others wrote are deleted, so a run has all its rows or none. Throttle
     * and redelivery rows, if any, are stored as per-second counts.
     */
    public void saveRunData(RunData data, SaveProgress progress) {
        saveRun(data.run());
        String runId = data.run().runId();
        List<RunRowsCopy.TableCopy> copies = RunRowsCopy.copies(data, progress);
        ExecutorService pool = Executors.newFixedThreadPool(copies.size(), runnable -> {
            Thread thread = new Thread(runnable, "save-" + runId);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Object>> saving = new ArrayList<>();
            for (RunRowsCopy.TableCopy copy : copies) {
                saving.add(pool.submit(() -> run("save the rows of run " + runId, connection -> {
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
            awaitAll(saving, runId);
        } finally {
            pool.shutdownNow();
        }
    }

    private void awaitAll(List<Future<Object>> saving, String runId) {
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
        if (failure != null) {
            deleteRows(runId);
            throw failure;
        }
    }

    public RunData loadRun(String runId) {
        return run("load run " + runId, connection -> {
            connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try {
                RunRecord run = findRun(connection, runId).orElseThrow(() -> new RunNotFoundException(runId));
                return new RunData(run, loadInvocations(connection, runId), loadPipelineEvents(connection, runId),
                        RunRowsCopy.loadCounts(connection, runId, FETCH_SIZE));
            } finally {
                connection.commit();
            }
        });
    }

    /**
     * The {@code invocations} rows of a run, whether or not it has a {@code runs} row: a run in AWS
     * writes only its invocations (its consumer knows nothing else). Empty when there are none.
     */
    public List<InvocationRow> loadInvocations(String runId) {
        return run("load the invocations of run " + runId, connection -> {
            connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try {
                return loadInvocations(connection, runId);
            } finally {
                connection.commit();
            }
        });
    }

    /** All runs, oldest first. */
    public List<RunRecord> listRuns() {
        return run("list runs", connection -> {
            List<RunRecord> runs = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    RUN_COLUMNS + " order by started_at nulls last, run_id");
                    ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    runs.add(runFrom(resultSet));
                }
            }
            return runs;
        });
    }

    /** Removes a run and its rows, so a run id can be reused. */
    public void deleteRun(String runId) {
        delete(runId, List.of("invocations", "pipeline_events", "pipeline_counts", "runs"));
    }

    /** Removes a run's rows but not its {@code runs} row. */
    private void deleteRows(String runId) {
        delete(runId, List.of("invocations", "pipeline_events", "pipeline_counts"));
    }

    private void delete(String runId, List<String> tables) {
        run("delete run " + runId, connection -> {
            connection.setAutoCommit(false);
            for (String table : tables) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "delete from " + table + " where run_id = ?")) {
                    statement.setString(1, runId);
                    statement.executeUpdate();
                }
            }
            connection.commit();
            return null;
        });
    }

    private static final String RUN_COLUMNS = """
            select run_id, scenario, mode, configuration::text as configuration, started_at, ended_at,
                   total_events, limit_per_second, memory_mb, request_counts::text as request_counts
            from runs""";

    private static Optional<RunRecord> findRun(Connection connection, String runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RUN_COLUMNS + " where run_id = ?")) {
            statement.setString(1, runId);
            try (ResultSet resultSet = statement.executeQuery()) {
                return resultSet.next() ? Optional.of(runFrom(resultSet)) : Optional.empty();
            }
        }
    }

    private static RunRecord runFrom(ResultSet resultSet) throws SQLException {
        String counts = resultSet.getString("request_counts");
        return new RunRecord(
                resultSet.getString("run_id"),
                resultSet.getString("scenario"),
                resultSet.getString("mode"),
                resultSet.getString("configuration"),
                Jdbc.getInstant(resultSet, "started_at"),
                Jdbc.getInstant(resultSet, "ended_at"),
                resultSet.getLong("total_events"),
                resultSet.getInt("limit_per_second"),
                resultSet.getInt("memory_mb"),
                counts == null ? Map.of() : fromJson(counts));
    }

    private static List<InvocationRow> loadInvocations(Connection connection, String runId) throws SQLException {
        List<InvocationRow> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select run_id, id, sent_at, started_at, completed_at, group_id, batch_id, cache_id
                from invocations where run_id = ? order by id, started_at, batch_id""")) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setString(1, runId);
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    rows.add(new InvocationRow(
                            resultSet.getString("run_id"),
                            resultSet.getLong("id"),
                            Jdbc.getInstant(resultSet, "sent_at"),
                            Jdbc.getInstant(resultSet, "started_at"),
                            Jdbc.getInstant(resultSet, "completed_at"),
                            resultSet.getString("group_id"),
                            resultSet.getString("batch_id"),
                            resultSet.getString("cache_id")));
                }
            }
        }
        return rows;
    }

    private static List<PipelineEvent> loadPipelineEvents(Connection connection, String runId) throws SQLException {
        List<PipelineEvent> events = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select run_id, at, kind, event_id, batch_id, cache_id, duration_ms, batch_size
                from pipeline_events where run_id = ? order by at, kind, event_id, batch_id""")) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setString(1, runId);
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    events.add(new PipelineEvent(
                            resultSet.getString("run_id"),
                            Jdbc.getInstant(resultSet, "at"),
                            PipelineEventKind.valueOf(resultSet.getString("kind")),
                            Jdbc.getLong(resultSet, "event_id"),
                            resultSet.getString("batch_id"),
                            resultSet.getString("cache_id"),
                            resultSet.getLong("duration_ms"),
                            resultSet.getInt("batch_size")));
                }
            }
        }
        return events;
    }

    private <T> void insertAll(String what, RowBatcher<T> batcher, List<? extends T> rows) {
        if (rows.isEmpty()) {
            return;
        }
        run(what, connection -> {
            connection.setAutoCommit(false); // one commit for all chunks: all rows or none
            batcher.insert(connection, rows);
            connection.commit();
            return null;
        });
    }

    private interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T run(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            try {
                return work.apply(connection);
            } catch (SQLException | RuntimeException e) {
                // A pooled connection must not go back to the pool inside a failed transaction.
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new ResultsStoreException("could not " + what + ": " + e.getMessage(), e);
        }
    }

    private static String toJson(Map<String, Long> counts) {
        try {
            return JSON.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request counts are always serialisable", e);
        }
    }

    private static Map<String, Long> fromJson(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Long>>() { });
        } catch (JsonProcessingException e) {
            throw new ResultsStoreException("request_counts is not a JSON object of numbers: " + json, e);
        }
    }
}
