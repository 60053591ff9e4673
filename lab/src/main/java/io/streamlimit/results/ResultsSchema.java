package io.streamlimit.results;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The results database's tables. Every statement is idempotent, so applying the schema to a
 * database that already has it changes nothing and every mode can call it at start-up.
 */
public final class ResultsSchema {

    /** The original experiments' {@code invocations} table, plus {@code completed_at} (a completion ends "time taken"). */
    public static final String INVOCATIONS = """
            create table if not exists invocations (
              run_id       text,
              id           integer,
              sent_at      timestamptz,
              started_at   timestamptz,
              group_id     text,
              batch_id     text,
              cache_id     text,
              created_at   timestamptz default now(),
              completed_at timestamptz
            )""";

    /** One row per run; {@code summary} holds the metrics JSON once the run is over. */
    public static final String RUNS = """
            create table if not exists runs (
              run_id           text primary key,
              scenario         text,
              mode             text,
              configuration    jsonb,
              started_at       timestamptz,
              ended_at         timestamptz,
              total_events     bigint,
              limit_per_second integer,
              memory_mb        integer,
              request_counts   jsonb,
              summary          jsonb
            )""";

    /** What the pipeline did besides calling the downstream (invokes, throttles, DLQ arrivals...). */
    public static final String PIPELINE_EVENTS = """
            create table if not exists pipeline_events (
              run_id      text,
              at          timestamptz,
              kind        text,
              event_id    bigint,
              batch_id    text,
              cache_id    text,
              duration_ms bigint,
              batch_size  integer
            )""";

    /** Every query of the metrics, the reports and the dashboards selects one run. */
    public static final List<String> INDEXES = List.of(
            "create index if not exists invocations_run_id on invocations (run_id, started_at)",
            "create index if not exists pipeline_events_run_id on pipeline_events (run_id, at)");

    /** All statements, in the order they must run. */
    public static final List<String> STATEMENTS = List.of(
            INVOCATIONS, RUNS, PIPELINE_EVENTS, INDEXES.get(0), INDEXES.get(1));

    private ResultsSchema() {
    }

    /** Creates whatever of the schema is missing. */
    public static void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
        }
    }

    /** The schema as one SQL script (for {@code psql -f} or documentation). */
    public static String script() {
        return String.join(";\n", STATEMENTS) + ";\n";
    }
}
