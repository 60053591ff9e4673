package io.streamlimit.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.clock.ManualClock;
import io.streamlimit.event.EventType;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.testing.ResultsPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AWS-mode downstream on a real (embedded) PostgreSQL. */
class ResultsTableDownstreamTest {

    private static EmbeddedPostgres postgres;
    private static String jdbcUrl;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = ResultsPostgres.start();
        jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void writes_one_row_per_event_with_the_invocation_ids() throws Exception {
        ManualClock clock = ManualClock.atDefaultStart();
        Instant started = clock.instant().minusMillis(250);
        Instant sent = Instant.parse("2026-11-23T09:59:59.500Z");
        List<StreamEvent> events = List.of(
                new StreamEvent(EventType.OPEN, "u1", "s1", sent, "run-rows", 1L),
                new StreamEvent(EventType.CLOSE, "u1", "s1", null, "run-rows", null));

        List<StreamEvent> refused = new ResultsTableDownstream(jdbcUrl, "sqs-rc1", Duration.ZERO, clock)
                .callAll(events, new InvocationInfo("batch-1", "cache-1", started));

        assertThat(refused).isEmpty();
        try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select * from invocations where run_id = 'run-rows' order by id nulls last")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt("id")).isEqualTo(1);
            assertThat(rows.getObject("sent_at", java.time.OffsetDateTime.class).toInstant()).isEqualTo(sent);
            assertThat(rows.getObject("started_at", java.time.OffsetDateTime.class).toInstant()).isEqualTo(started);
            assertThat(rows.getObject("completed_at", java.time.OffsetDateTime.class).toInstant()).isEqualTo(clock.instant());
            assertThat(rows.getString("group_id")).isEqualTo("sqs-rc1");
            assertThat(rows.getString("batch_id")).isEqualTo("batch-1");
            assertThat(rows.getString("cache_id")).isEqualTo("cache-1");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getObject("id")).isNull();
            assertThat(rows.getObject("sent_at")).isNull();
            assertThat(rows.next()).isFalse();
        }
    }

    /** The writer lists the columns itself; the migrated table is the truth it must match. */
    @Test
    void the_insert_writes_every_column_of_the_migrated_table_but_the_defaulted_created_at() throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select column_name from information_schema.columns"
                     + " where table_name = 'invocations' and column_name <> 'created_at'")) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }
        String insert = ResultsTableDownstream.INSERT;
        List<String> inserted = Arrays.stream(insert.substring(insert.indexOf('(') + 1, insert.indexOf(')')).split(","))
                .map(String::trim).toList();

        assertThat(inserted).containsExactlyInAnyOrderElementsOf(columns);
    }

    @Test
    void an_unreachable_database_refuses_every_event_so_the_pipeline_retries_them() {
        List<StreamEvent> events = List.of(StreamEvent.open("u1", "s1"), StreamEvent.open("u1", "s2"));

        List<StreamEvent> refused = new ResultsTableDownstream("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1",
                "g", Duration.ZERO, ManualClock.atDefaultStart())
                .callAll(events, new InvocationInfo("b", "c", Instant.EPOCH));

        assertThat(refused).isEqualTo(events);
    }
}
