package io.streamlimit.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.consumer.Downstream;
import io.streamlimit.consumer.InvocationInfo;
import io.streamlimit.consumer.ResultsTableDownstream;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** Which downstream the consumer gets from its settings; the secret path on a real (embedded) PostgreSQL. */
class WiringTest {

    private static final String SECRET = "streamlimit/results";
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = ResultsPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void without_a_results_database_there_is_no_downstream_and_no_secret_is_read() {
        List<String> read = new ArrayList<>();

        Downstream downstream = Wiring.downstream(Settings.fromEnv(Map.of("DOWNSTREAM_CALL_MILLIS", "1000")), recording(read));

        assertThat(downstream).isSameAs(Downstream.NONE);
        assertThat(read).isEmpty();
    }

    @Test
    void the_jdbc_url_wins_over_the_secret_which_is_then_never_read() {
        List<String> read = new ArrayList<>();

        Downstream downstream = Wiring.downstream(Settings.fromEnv(Map.of(
                "RESULTS_JDBC_URL", "jdbc:postgresql://localhost/results",
                "RESULTS_SECRET_NAME", SECRET,
                "DOWNSTREAM_CALL_MILLIS", "1000")), recording(read));

        assertThat(downstream).isInstanceOfSatisfying(ResultsTableDownstream.class, results -> {
            assertThat(results.results().jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/results");
            assertThat(results.callDuration()).isEqualTo(Duration.ofSeconds(1));
        });
        assertThat(read).isEmpty();
    }

    @Test
    void the_secret_is_read_on_first_use_and_each_invocation_records_its_rows_and_waits_out_the_call() throws Exception {
        List<String> read = new ArrayList<>();
        String secret = """
                {"engine":"postgres","host":"localhost","port":%d,"username":"postgres","password":"unused-by-trust","dbname":"postgres"}
                """.formatted(postgres.getPort());
        Settings settings = Settings.fromEnv(Map.of(
                "RESULTS_SECRET_NAME", SECRET,
                "RESULTS_GROUP_ID", "04-sqs-rc1-high-visibility",
                "DOWNSTREAM_CALL_MILLIS", "400"));

        Downstream downstream = Wiring.downstream(settings, name -> {
            read.add(name);
            return secret;
        });
        // Lambda's clock and the wait are in whole milliseconds.
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<StreamEvent> refused = downstream.callAll(
                List.of(new StreamEvent(EventType.OPEN, "u1", "s1", started, "run-secret", 7L)),
                new InvocationInfo("batch-s", "cache-s", started));

        assertThat(read).containsExactly(SECRET);
        assertThat(refused).isEmpty();
        assertThat(Duration.between(started, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(downstream).isInstanceOfSatisfying(ResultsTableDownstream.class, results ->
                assertThat(results.results().toString()).doesNotContain("unused-by-trust"));
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select id, group_id, batch_id from invocations where run_id = 'run-secret'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt("id")).isEqualTo(7);
            assertThat(rows.getString("group_id")).isEqualTo("04-sqs-rc1-high-visibility");
            assertThat(rows.getString("batch_id")).isEqualTo("batch-s");
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void a_secret_it_cannot_use_is_not_read_at_wiring_and_refuses_the_events_when_first_needed() {
        Settings settings = Settings.fromEnv(Map.of("RESULTS_SECRET_NAME", SECRET));
        List<String> read = new ArrayList<>();

        Downstream downstream = Wiring.downstream(settings, name -> {
            read.add(name);
            return "{\"username\":\"u\",\"password\":\"p\"}";
        });
        assertThat(read).isEmpty();
        List<StreamEvent> events = List.of(new StreamEvent(EventType.OPEN, "u1", "s1", Instant.now(), "run-bad", 1L));

        assertThat(downstream.callAll(events, new InvocationInfo("batch-b", "cache-b", Instant.now()))).isEqualTo(events);
        assertThat(read).containsExactly(SECRET);
        assertThatThrownBy(((ResultsTableDownstream) downstream)::results)
                .isInstanceOf(SettingsException.class)
                .hasMessage("RESULTS_SECRET_NAME: secret streamlimit/results has no 'host'");
    }

    @Test
    void the_secret_string_is_fetched_by_name() {
        List<String> ids = new ArrayList<>();
        SecretsManagerClient secrets = answering(request -> ids.add(request.secretId()),
                GetSecretValueResponse.builder().name(SECRET).secretString("{\"host\":\"db\"}").build());

        assertThat(Wiring.secretString(secrets, SECRET)).isEqualTo("{\"host\":\"db\"}");
        assertThat(ids).containsExactly(SECRET);
    }

    @Test
    void a_secret_that_cannot_be_read_or_is_binary_names_the_variable_and_the_secret() {
        SecretsManagerClient missing = answering(request -> {
            throw ResourceNotFoundException.builder().message("Secrets Manager can't find the specified secret.").build();
        }, null);
        SecretsManagerClient binary = answering(request -> { },
                GetSecretValueResponse.builder().secretBinary(SdkBytes.fromUtf8String("{}")).build());

        assertThatThrownBy(() -> Wiring.secretString(missing, SECRET))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("RESULTS_SECRET_NAME: cannot read secret streamlimit/results")
                .hasMessageContaining("can't find the specified secret");
        assertThatThrownBy(() -> Wiring.secretString(binary, SECRET))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith("RESULTS_SECRET_NAME: secret streamlimit/results has no SecretString");
    }

    private static UnaryOperator<String> recording(List<String> read) {
        return name -> {
            read.add(name);
            throw new AssertionError("the secret should not be read");
        };
    }

    /** A client that answers GetSecretValue only, with no network. */
    static SecretsManagerClient answering(Consumer<GetSecretValueRequest> onRequest, GetSecretValueResponse response) {
        return new SecretsManagerClient() {
            @Override
            public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
                onRequest.accept(request);
                return response;
            }

            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
            }
        };
    }
}
