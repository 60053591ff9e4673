package io.streamlimit.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.streamlimit.clock.ManualClock;
import io.streamlimit.consumer.BatchFailedException;
import io.streamlimit.consumer.ConsumerHandler;
import io.streamlimit.consumer.SnsConsumerHandler;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.runtime.FunctionContext;
import io.streamlimit.testing.LocalDynamoDb;
import io.streamlimit.testing.ResultsPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * The consumer wired as on AWS with a results secret that does not exist yet: it starts (nothing
 * is read at init), fails whole batches before touching the ledger (on dynalite) with one
 * log line naming the secret, and once the secret exists the redelivered batch is applied once
 * and its rows written (embedded PostgreSQL).
 */
class ConsumerWithoutResultsTest {

    private static final String SECRET = "streamlimit/not-yet";
    private static final List<String> MALFORMED = List.of("059f36b4-87a3-44ab-83d2-661975830a03",
            "059f36b4-87a3-44ab-83d2-661975830a06", "059f36b4-87a3-44ab-83d2-661975830a09");
    private static EmbeddedPostgres postgres;

    /** What Secrets Manager holds under {@link #SECRET}: null while the secret does not exist. */
    private final AtomicReference<String> secretValue = new AtomicReference<>();
    private final List<String> reads = new ArrayList<>();
    private final UnaryOperator<String> readSecret = name -> {
        reads.add(name);
        String value = secretValue.get();
        return Wiring.secretString(WiringTest.answering(request -> {
            if (value == null) {
                throw ResourceNotFoundException.builder().message("Secrets Manager can't find the specified secret.").build();
            }
        }, GetSecretValueResponse.builder().name(name).secretString(value).build()), name);
    };
    private final Settings settings = Settings.fromEnv(Map.of("RESULTS_SECRET_NAME", SECRET,
            "RESULTS_GROUP_ID", "recommended", "DOWNSTREAM_CALL_MILLIS", "0"));
    private final Ledger ledger = new Ledger(LocalDynamoDb.newLedgerStore(),
            LedgerSettings.defaults().withLeaseDuration(Duration.ofDays(36_500)), ManualClock.startingNow());

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = ResultsPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void a_missing_secret_fails_every_item_of_the_batch_with_one_line_naming_it_and_the_retry_applies_once() throws Exception {
        ConsumerHandler handler = new ConsumerHandler(Wiring.consumer(settings, ledger, readSecret));
        assertThat(reads).as("the init reads no secret").isEmpty();

        List<String> log = new ArrayList<>();
        SQSBatchResponse refused = capturingStderr(log, () ->
                handler.handleRequest(EventLoader.loadSQSEvent("events/sqs_event.json"), FunctionContext.forRequest("r1")));

        assertThat(failedIds(refused)).hasSize(10).doesNotHaveDuplicates();
        assertThat(log.stream().filter(line -> line.contains(SECRET)).toList()).singleElement().satisfies(line ->
                assertThat(line).contains("batch r1: all 10 messages failed, none applied, to be retried:"
                        + " RESULTS_SECRET_NAME: cannot read secret " + SECRET));
        assertThat(ledger.check("player-1").open()).as("the ledger is untouched").isZero();
        assertThat(ledger.check("player-2").open()).isZero();

        secretValue.set("""
                {"engine":"postgres","host":"localhost","port":%d,"username":"postgres","password":"p","dbname":"postgres"}
                """.formatted(postgres.getPort()));
        SQSBatchResponse retried = handler.handleRequest(EventLoader.loadSQSEvent("events/sqs_event.json"), FunctionContext.forRequest("r2"));
        handler.handleRequest(EventLoader.loadSQSEvent("events/sqs_event.json"), FunctionContext.forRequest("r3"));

        assertThat(failedIds(retried)).containsExactlyElementsOf(MALFORMED);
        assertThat(reads).as("read until found, then kept").containsExactly(SECRET, SECRET);
        assertThat(ledger.check("player-1").open()).isEqualTo(1);
        assertThat(ledger.check("player-2").open()).isEqualTo(2);
        assertThat(ledger.check("player-3").open()).isZero();
        assertThat(rowsByBatch()).isEqualTo(Map.of("r2", 7, "r3", 7));
    }

    @Test
    void a_malformed_secret_fails_the_sns_consumers_invocation_naming_the_key() {
        secretValue.set("{\"username\":\"u\",\"password\":\"p\"}");
        SnsConsumerHandler handler = new SnsConsumerHandler(Wiring.consumer(settings, ledger, readSecret));
        List<String> log = new ArrayList<>();

        assertThatThrownBy(() -> capturingStderr(log, () ->
                handler.handleRequest(EventLoader.loadSNSEvent("events/sns_event.json"), FunctionContext.forRequest("s1"))))
                .isInstanceOfSatisfying(BatchFailedException.class, failed ->
                        assertThat(failed.failedMessageIds()).isNotEmpty());
        assertThat(log.stream().filter(line -> line.contains(SECRET)).toList()).singleElement().satisfies(line ->
                assertThat(line).contains("RESULTS_SECRET_NAME: secret " + SECRET + " has no 'host'"));
    }

    private Map<String, Integer> rowsByBatch() throws Exception {
        Map<String, Integer> rows = new java.util.TreeMap<>();
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "select batch_id, count(*) from invocations where group_id = 'recommended' group by batch_id")) {
            while (result.next()) {
                rows.put(result.getString(1), result.getInt(2));
            }
        }
        return rows;
    }

    /** Runs {@code action} with standard error (where slf4j-simple logs) captured into {@code lines}. */
    private static <T> T capturingStderr(List<String> lines, java.util.function.Supplier<T> action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return action.get();
        } finally {
            System.setErr(original);
            lines.addAll(Arrays.asList(captured.toString(StandardCharsets.UTF_8).split("\\R")));
            original.print(captured.toString(StandardCharsets.UTF_8));
        }
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }
}
