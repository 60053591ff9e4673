package io.streamlimit.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a run's rows back from the results tables, in the order {@link ResultsStore} promises. */
final class RunRowsReader {

    private RunRowsReader() {
    }

    static final String RUN_COLUMNS = """
            select run_id, scenario, mode, configuration::text as configuration, started_at, ended_at,
                   total_events, limit_per_second, memory_mb, request_counts::text as request_counts
            from runs""";

    static Optional<RunRecord> findRun(Connection connection, String runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RUN_COLUMNS + " where run_id = ?")) {
            statement.setString(1, runId);
            try (ResultSet resultSet = statement.executeQuery()) {
                return resultSet.next() ? Optional.of(runFrom(resultSet)) : Optional.empty();
            }
        }
    }

    static RunRecord runFrom(ResultSet resultSet) throws SQLException {
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
                counts == null ? Map.of() : RequestCountsJson.read(counts));
    }

    static List<InvocationRow> invocations(Connection connection, String runId, int fetchSize) throws SQLException {
        List<InvocationRow> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select run_id, id, sent_at, started_at, completed_at, group_id, batch_id, cache_id
                from invocations where run_id = ? order by id, started_at, batch_id""")) {
            statement.setFetchSize(fetchSize);
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

    static List<PipelineEvent> pipelineEvents(Connection connection, String runId, int fetchSize) throws SQLException {
        List<PipelineEvent> events = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select run_id, at, kind, event_id, batch_id, cache_id, duration_ms, batch_size
                from pipeline_events where run_id = ? order by at, kind, event_id, batch_id""")) {
            statement.setFetchSize(fetchSize);
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
}
