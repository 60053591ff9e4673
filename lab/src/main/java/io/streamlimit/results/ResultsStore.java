package io.streamlimit.results;

import io.streamlimit.metrics.MetricsJson;
import io.streamlimit.metrics.RunMetrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private static final int FETCH_SIZE = 10_000;

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
                statement.setString(10, RequestCountsJson.write(run.requestCounts()));
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
        insertAll("insert " + rows.size() + " invocation rows", RowInserts.INVOCATIONS, rows);
    }

    @Override
    public void insertPipelineEvents(List<PipelineEvent> events) {
        insertAll("insert " + events.size() + " pipeline events", RowInserts.PIPELINE_EVENTS, events);
    }

    /**
     * Replaces a run's {@code pipeline_events} and {@code pipeline_counts} in one transaction, its
     * invocations untouched: an AWS run imported again from CloudWatch.
     */
    public void replacePipelineRows(RunData data) {
        String runId = data.run().runId();
        RunData counted = data.withEventsCounted();
        run("replace the pipeline rows of run " + runId, connection -> {
            connection.setAutoCommit(false);
            deleteFrom(connection, runId, List.of("pipeline_events", "pipeline_counts"));
            RowInserts.PIPELINE_EVENTS.insert(connection, counted.pipelineEvents());
            RowInserts.PIPELINE_COUNTS.insert(connection, RowInserts.CountRow.of(runId, counted.pipelineCounts()));
            connection.commit();
            return null;
        });
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
        RuntimeException failure = RunRowsCopy.saveAll(dataSource, data, progress);
        if (failure != null) {
            deleteRows(data.run().runId());
            throw failure;
        }
    }

    public RunData loadRun(String runId) {
        return run("load run " + runId, connection -> {
            connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try {
                RunRecord run = RunRowsReader.findRun(connection, runId).orElseThrow(() -> new RunNotFoundException(runId));
                return new RunData(run, RunRowsReader.invocations(connection, runId, FETCH_SIZE),
                        RunRowsReader.pipelineEvents(connection, runId, FETCH_SIZE),
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
                return RunRowsReader.invocations(connection, runId, FETCH_SIZE);
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
                    RunRowsReader.RUN_COLUMNS + " order by started_at nulls last, run_id");
                    ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    runs.add(RunRowsReader.runFrom(resultSet));
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
            deleteFrom(connection, runId, tables);
            connection.commit();
            return null;
        });
    }

    private static void deleteFrom(Connection connection, String runId, List<String> tables) throws SQLException {
        for (String table : tables) {
            try (PreparedStatement statement = connection.prepareStatement("delete from " + table + " where run_id = ?")) {
                statement.setString(1, runId);
                statement.executeUpdate();
            }
        }
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

    private <T> T run(String what, Sql.Work<T> work) {
        return Sql.run(dataSource, what, work);
    }
}
