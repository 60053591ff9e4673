package io.streamlimit.results;

import static io.streamlimit.metrics.RunDataBuilder.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.RunMetrics;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The migrations against a real PostgreSQL (embedded): a new database, and one made before them. */
class ResultsSchemaTest {

    /** The schema before migrations and its newer columns: no completed_at, no pipeline_events. */
    private static final List<String> OLD_SCHEMA = List.of("""
            create table if not exists invocations (
              run_id text, id integer, sent_at timestamptz, started_at timestamptz,
              group_id text, batch_id text, cache_id text, created_at timestamptz default now())""", """
            create table if not exists runs (
              run_id text primary key, scenario text, mode text, configuration jsonb,
              started_at timestamptz, ended_at timestamptz, total_events bigint,
              limit_per_second integer, memory_mb integer, request_counts jsonb, summary jsonb)""");

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_database_made_before_migrations_is_upgraded_in_place_with_its_rows_kept() throws Exception {
        DataSource old = newDatabase("before_migrations");
        execute(old, OLD_SCHEMA);
        execute(old, List.of(
                "insert into runs (run_id, scenario, mode) values ('old-run', '04', 'aws')",
                "insert into invocations (run_id, id, started_at, group_id) values ('old-run', 1, now(), 'consumer')",
                "insert into invocations (run_id, id, started_at, group_id) values ('old-run', 2, now(), 'consumer')"));

        new ResultsStore(old).createSchema();

        assertThat(columns(old, "invocations")).contains("completed_at");
        assertThat(columns(old, "pipeline_events")).contains("kind", "duration_ms");
        assertThat(single(old, "select count(*) from invocations where run_id = 'old-run'")).isEqualTo("2");
        assertThat(single(old, "select scenario from runs where run_id = 'old-run'")).isEqualTo("04");
        assertThat(appliedVersions(old)).containsExactly("0", "1", "2");
        ResultsStore store = new ResultsStore(old);
        store.insertInvocations(List.of(new InvocationRow("new-run", 1, at(0), at(10), at(20), "consumer", "b", "c")));
        assertThat(store.loadInvocations("new-run")).singleElement()
                .satisfies(row -> assertThat(row.completedAt()).isEqualTo(at(20)));
    }

    @Test
    void a_new_database_gets_every_migration_once_and_migrating_again_changes_nothing() throws Exception {
        DataSource fresh = newDatabase("fresh");
        ResultsStore store = new ResultsStore(fresh);

        store.createSchema();
        store.saveRun(new RunRecord("r", "s", "simulate", "{}", at(0), at(1_000), 1, 1, 512, Map.of()));
        store.createSchema();

        assertThat(appliedVersions(fresh)).containsExactly("1", "2");
        assertThat(store.listRuns()).extracting(RunRecord::runId).containsExactly("r");
    }

    @Test
    void version_2_turns_a_version_1_database_s_throttle_and_redelivery_rows_into_counts_per_second() throws Exception {
        DataSource v1 = newDatabase("version_1");
        Flyway.configure().dataSource(v1).locations("classpath:" + ResultsSchema.LOCATION).target("1").load().migrate();
        execute(v1, List.of(
                "insert into runs (run_id, scenario, mode, total_events, limit_per_second) values ('v1', '04', 'local', 2, 1)",
                "insert into invocations (run_id, id, sent_at, started_at, completed_at) values "
                        + "('v1', 1, '2026-01-01 00:00:00Z', '2026-01-01 00:00:01Z', '2026-01-01 00:00:02Z')",
                "insert into pipeline_events (run_id, at, kind) values ('v1', '2026-01-01 00:00:03.100Z', 'THROTTLE'),"
                        + " ('v1', '2026-01-01 00:00:03.900Z', 'THROTTLE'), ('v1', '2026-01-01 00:00:04.000Z', 'THROTTLE'),"
                        + " ('v1', '2026-01-01 00:00:04.500Z', 'REDELIVERY'), ('v1', '2026-01-01 00:00:05Z', 'DLQ')"));

        ResultsStore store = new ResultsStore(v1);
        store.createSchema();
        store.createSchema();

        assertThat(strings(v1, "select kind || ' ' || extract(epoch from second - '2026-01-01 00:00:00Z')::bigint || ' ' || count"
                + " from pipeline_counts order by second, kind"))
                .containsExactly("THROTTLE 3 2", "REDELIVERY 4 1", "THROTTLE 4 1");
        assertThat(strings(v1, "select kind from pipeline_events")).containsExactly("DLQ");
        RunMetrics metrics = new MetricsCalculator().compute(store.loadRun("v1"));
        assertThat(metrics.throttles()).isEqualTo(3);
        assertThat(metrics.redeliveries()).isEqualTo(1);
        assertThat(metrics.eventsFailed()).isEqualTo(1);
    }

    @Test
    void the_script_is_the_migrations() {
        assertThat(ResultsSchema.script()).contains("create table if not exists invocations",
                "add column if not exists completed_at timestamptz", "create table if not exists runs",
                "create table if not exists pipeline_events", "create index if not exists pipeline_events_run_id",
                "create table if not exists pipeline_counts");
    }

    private static DataSource newDatabase(String name) throws SQLException {
        execute(postgres.getPostgresDatabase(), List.of("create database " + name));
        return postgres.getDatabase("postgres", name);
    }

    private static void execute(DataSource dataSource, List<String> statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> columns(DataSource dataSource, String table) throws SQLException {
        return strings(dataSource, "select column_name from information_schema.columns where table_name = '"
                + table + "' order by ordinal_position");
    }

    private static List<String> appliedVersions(DataSource dataSource) throws SQLException {
        return strings(dataSource, "select version from flyway_schema_history where success order by installed_rank");
    }

    private static String single(DataSource dataSource, String sql) throws SQLException {
        return strings(dataSource, sql).get(0);
    }

    private static List<String> strings(DataSource dataSource, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
