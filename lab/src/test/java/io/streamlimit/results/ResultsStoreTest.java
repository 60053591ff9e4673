package io.streamlimit.results;

import static io.streamlimit.metrics.RunDataBuilder.at;
import static io.streamlimit.metrics.RunDataBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.metrics.CostModel;
import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.RunDataBuilder;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.testing.EmbeddedResultsStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store against a real PostgreSQL (embedded), not a mock. */
class ResultsStoreTest {

    @RegisterExtension
    static final EmbeddedResultsStore RESULTS = new EmbeddedResultsStore();

    /** A run with every kind of row, timestamps to the microsecond, in the order the store returns them. */
    private static RunData sampleRun(String runId) {
        RunDataBuilder builder = run(runId).scenario("04-sqs-rc1-high-visibility").mode("local")
                .configuration("{ \"name\": \"04\",  \"queue\": {\"visibilityTimeoutSeconds\": 1200, \"batchSize\": 1} }")
                .totalEvents(60).limit(1).memoryMb(512)
                .count(CostModel.SQS_REQUESTS, 4_321).count(CostModel.SNS_PUBLISHES, 60);
        Random random = new Random(3);
        for (int i = 0; i < 50; i++) {
            long start = i * 1_000L + random.nextInt(200);
            builder.row(new InvocationRow(runId, i, at(i).plusNanos(123_000), at(start), at(start + 1_000).plusNanos(7_000),
                    "consumer", "batch-" + i, "cache-" + (i % 3)));
            builder.invoke("batch-" + i, start, 1_001);
        }
        builder.invoke("batch-wasted", 55_000, 900);
        for (int i = 50; i < 55; i++) {
            builder.event(PipelineEventKind.DLQ, 56_000 + i, (long) i);
            builder.event(PipelineEventKind.THROTTLE, 1_000 + i, (long) i);
            builder.event(PipelineEventKind.REDELIVERY, 2_000 + i, (long) i);
        }
        builder.event(PipelineEventKind.COLD_START, 0, null);
        RunData data = builder.build();
        return new RunData(data.run(), sortedRows(data.invocations()), sortedEvents(data.pipelineEvents()));
    }

    private static List<InvocationRow> sortedRows(List<InvocationRow> rows) {
        return rows.stream().sorted(Comparator.comparingLong(InvocationRow::id)
                .thenComparing(InvocationRow::startedAt)).toList();
    }

    private static List<PipelineEvent> sortedEvents(List<PipelineEvent> events) {
        return events.stream().sorted(Comparator.comparing(PipelineEvent::at)
                .thenComparing(e -> e.kind().name())
                .thenComparing(PipelineEvent::eventId, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PipelineEvent::batchId, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private static RunRecord withConfiguration(RunRecord run, String json) {
        return new RunRecord(run.runId(), run.scenario(), run.mode(), json, run.startedAt(), run.endedAt(),
                run.totalEvents(), run.limitPerSecond(), run.memoryMb(), run.requestCounts());
    }

    @Test
    void a_saved_run_loads_back_equal_and_gives_equal_metrics() throws Exception {
        RunData saved = sampleRun("round-trip");
        RESULTS.store().saveRunData(saved);

        RunData loaded = RESULTS.store().loadRun("round-trip");

        // jsonb keeps the configuration's meaning, not its spacing.
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(loaded.run().configurationJson()))
                .isEqualTo(json.readTree(saved.run().configurationJson()));
        RunData normalised = new RunData(withConfiguration(loaded.run(), saved.run().configurationJson()),
                loaded.invocations(), loaded.pipelineEvents(), loaded.pipelineCounts());
        // Throttles and redeliveries are stored as per-second counts.
        assertThat(normalised).isEqualTo(saved.withEventsCounted());
        assertThat(loaded.pipelineEvents()).noneMatch(e -> PipelineCounts.isCounted(e.kind()));
        assertThat(loaded.pipelineCounts().total(PipelineEventKind.THROTTLE)).isEqualTo(5);
        assertThat(loaded.pipelineCounts().total(PipelineEventKind.REDELIVERY)).isEqualTo(5);
        MetricsCalculator calculator = new MetricsCalculator();
        assertThat(calculator.compute(loaded)).isEqualTo(calculator.compute(saved));
    }

    @Test
    void the_summary_is_stored_as_json_the_dashboards_can_read() throws Exception {
        RunData data = sampleRun("with-summary");
        RESULTS.store().saveRunData(data);
        RunMetrics metrics = new MetricsCalculator().compute(data);

        RESULTS.store().saveSummary("with-summary", metrics);

        assertThat(RESULTS.store().loadSummary("with-summary")).contains(metrics);
        try (Connection connection = RESULTS.database().getConnection();
                Statement statement = connection.createStatement();
                ResultSet resultSet = statement.executeQuery(
                        "select (summary->>'eventsCompleted')::int from runs where run_id = 'with-summary'")) {
            assertThat(resultSet.next()).isTrue();
            assertThat(resultSet.getInt(1)).isEqualTo(50);
        }
    }

    @Test
    void saving_a_run_again_replaces_it_and_keeps_its_summary() {
        RunData data = sampleRun("saved-twice");
        RESULTS.store().saveRun(data.run());
        RESULTS.store().saveSummary("saved-twice", new MetricsCalculator().compute(data));
        RunRecord ended = new RunRecord("saved-twice", "renamed", "local", "{}", data.run().startedAt(),
                at(99_000), 60, 1, 512, data.run().requestCounts());

        RESULTS.store().saveRun(ended);

        assertThat(RESULTS.store().loadRun("saved-twice").run()).isEqualTo(ended);
        assertThat(RESULTS.store().loadSummary("saved-twice")).isPresent();
    }

    @Test
    void runs_are_listed_oldest_first() {
        RunData data = sampleRun("listed");
        RESULTS.store().saveRun(data.run());

        assertThat(RESULTS.store().listRuns()).extracting(RunRecord::runId).contains("listed");
        assertThat(RESULTS.store().listRuns()).isSortedAccordingTo(Comparator.comparing(RunRecord::startedAt));
    }

    @Test
    void loading_an_unknown_run_names_it() {
        assertThatThrownBy(() -> RESULTS.store().loadRun("no-such-run"))
                .isInstanceOf(RunNotFoundException.class)
                .hasMessageContaining("no-such-run");
        assertThatThrownBy(() -> RESULTS.store().saveSummary("no-such-run", new MetricsCalculator().compute(sampleRun("x"))))
                .isInstanceOf(RunNotFoundException.class);
    }

    @Test
    void a_deleted_run_and_its_rows_are_gone() {
        RESULTS.store().saveRunData(sampleRun("deleted"));

        RESULTS.store().deleteRun("deleted");

        assertThatThrownBy(() -> RESULTS.store().loadRun("deleted")).isInstanceOf(RunNotFoundException.class);
        RESULTS.store().saveRun(sampleRun("deleted").run());
        assertThat(RESULTS.store().loadRun("deleted").invocations()).isEmpty();
    }

    @Test
    void a_batch_that_fails_part_way_writes_none_of_its_rows() {
        RESULTS.store().saveRun(sampleRun("all-or-nothing").run());
        List<InvocationRow> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(new InvocationRow("all-or-nothing", i, at(i), at(i), at(i), "g", "b", "c"));
        }
        rows.add(new InvocationRow("all-or-nothing", 9_999_999_999L, at(0), at(0), at(0), "g", "b", "c"));

        assertThatThrownBy(() -> RESULTS.store().insertInvocations(rows)).isInstanceOf(ArithmeticException.class);

        assertThat(RESULTS.store().loadRun("all-or-nothing").invocations()).isEmpty();
    }

    @Test
    void creating_the_schema_again_changes_nothing() {
        RESULTS.store().saveRunData(sampleRun("before-second-create"));

        RESULTS.store().createSchema();

        assertThat(RESULTS.store().loadRun("before-second-create").invocations()).hasSize(50);
    }

    @Test
    void a_hundred_thousand_rows_are_written_in_batches_and_read_back_whole() {
        String runId = "large";
        RESULTS.store().saveRun(new RunRecord(runId, "large", "simulate", "{}", at(0), at(100_003_000), 100_003, 1, 512,
                java.util.Map.of()));
        List<InvocationRow> rows = new ArrayList<>();
        for (int i = 0; i < 100_003; i++) { // not a multiple of the chunk size: the last chunk is partial
            rows.add(new InvocationRow(runId, i, at(i), at(i * 1_000L), at(i * 1_000L + 999), "consumer",
                    "batch-" + i, "cache-1"));
        }

        long started = System.nanoTime();
        RESULTS.store().insertInvocations(rows);
        long insertMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        RunData loaded = RESULTS.store().loadRun(runId);
        long loadMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("ResultsStore: inserted %,d rows in %,d ms (%,d rows/s), loaded them in %,d ms%n",
                rows.size(), insertMillis, rows.size() * 1_000L / Math.max(1, insertMillis), loadMillis);

        assertThat(loaded.invocations()).isEqualTo(rows);
    }
}
