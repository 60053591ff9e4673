package io.streamlimit.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.dashboards.GrafanaMacros.Variable;
import io.streamlimit.metrics.Metric;
import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.PerSecondSeries;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.PipelineEvent;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.ResultsStore;
import io.streamlimit.results.RunData;
import io.streamlimit.results.RunRecord;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every panel's SQL, expanded as Grafana expands it, run against real PostgreSQL holding two
 * simulated runs, a local run and an AWS-shaped run, and checked against {@link MetricsCalculator}
 * and {@link PerSecondSeries} for those runs: the dashboards must show the metrics code's numbers.
 *
 * <p>Time series panels plot a run clock: time 0 is the second of the run's first publish, so a
 * run of any date shows in the dashboards' fixed range from 1970-01-01T00:00:00Z; the "Zoom"
 * links set the range's end to cover the run. The tests use the range those links give.
 */
class DashboardQueriesTest {

    private static final String RUN_BOARD = "streamlimit-run";
    private static final String COMPARE_BOARD = "streamlimit-compare";

    private static final String RUN_METRICS = "Run metrics";
    private static final String INSERTS = "DB inserts per second";
    private static final String BUSY = "Busy instances";
    private static final String THROTTLES = "Throttles and redeliveries per second";
    private static final String DLQ = "DLQ arrivals per second";
    private static final String WAITING = "Events waiting";
    private static final String ALL_RUNS = "All runs";
    private static final String SIDE_BY_SIDE = "Metrics side by side";
    private static final String CONFIGURATION = "Configuration";
    private static final String INSERTS_BY_RUN = "DB inserts per second by run";
    private static final String BUSY_BY_RUN = "Busy instances by run";
    private static final String THROTTLES_BY_RUN = "Throttles per second by run";
    private static final String DLQ_BY_RUN = "DLQ arrivals per second by run";
    private static final String ITERATOR_AGE = "Iterator age";
    private static final String SHARD_RETRIES = "Shard-blocking retries per second";
    private static final String ITERATOR_AGE_BY_RUN = "Iterator age by run";
    private static final String SHARD_RETRIES_BY_RUN = "Shard-blocking retries per second by run";

    /** The panels whose numbers these tests check; a new panel needs a check before it passes. */
    private static final Set<String> CHECKED_PANELS = Set.of(
            RUN_BOARD + "/" + RUN_METRICS, RUN_BOARD + "/" + INSERTS, RUN_BOARD + "/" + BUSY,
            RUN_BOARD + "/" + THROTTLES, RUN_BOARD + "/" + DLQ, RUN_BOARD + "/" + ALL_RUNS, RUN_BOARD + "/" + WAITING,
            COMPARE_BOARD + "/" + SIDE_BY_SIDE, COMPARE_BOARD + "/" + CONFIGURATION,
            COMPARE_BOARD + "/" + INSERTS_BY_RUN, COMPARE_BOARD + "/" + BUSY_BY_RUN,
            COMPARE_BOARD + "/" + THROTTLES_BY_RUN, COMPARE_BOARD + "/" + DLQ_BY_RUN,
            RUN_BOARD + "/" + ITERATOR_AGE, RUN_BOARD + "/" + SHARD_RETRIES,
            COMPARE_BOARD + "/" + ITERATOR_AGE_BY_RUN, COMPARE_BOARD + "/" + SHARD_RETRIES_BY_RUN);

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedPostgres postgres;
    private static Connection connection; // one, as Grafana keeps a pool: a connection per query costs more than the query
    private static final Map<String, Expected> RUNS = new LinkedHashMap<>();

    @BeforeAll
    static void loadRuns() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        DataSource database = postgres.getPostgresDatabase();
        connection = database.getConnection();
        try (Statement statement = connection.createStatement()) {
            // Grafana's sessions take the server's time zone; the queries must not depend on it.
            statement.execute("set time zone 'Europe/Berlin'");
        }
        ResultsStore store = new ResultsStore(database);
        store.createSchema();
        MetricsCalculator calculator = new MetricsCalculator();
        for (RunData data : List.of(DashboardRuns.simulatedThrottled(150), DashboardRuns.simulatedUnlimited(150),
                DashboardRuns.local(), DashboardRuns.awsRowsOnly(), DashboardRuns.simulatedKinesis(150))) {
            store.saveRunData(data);
            RunMetrics metrics = calculator.compute(data);
            store.saveSummary(data.run().runId(), metrics);
            RUNS.put(data.run().runId(), Expected.of(data, metrics));
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    static Stream<String> runIds() {
        return RUNS.keySet().stream();
    }

    // ------------------------------------------------------------------ coverage

    @Test
    void the_runs_cover_throttles_redeliveries_dead_letters_loss_and_the_limit() {
        List<RunMetrics> all = RUNS.values().stream().map(Expected::metrics).toList();
        assertThat(RUNS.values()).extracting(e -> e.data().run().mode()).contains("simulate", "local", "aws");
        assertThat(all).anySatisfy(m -> assertThat(m.throttles()).isPositive());
        assertThat(all).anySatisfy(m -> assertThat(m.redeliveries()).isPositive());
        assertThat(all).anySatisfy(m -> assertThat(m.secondsOverLimit()).isPositive());
        assertThat(all).anySatisfy(m -> assertThat(m.maxConcurrency()).isGreaterThan(1));
        assertThat(all).anySatisfy(m -> assertThat(m.wastedInvocations()).isPositive());
        assertThat(RUNS.values()).anySatisfy(e -> assertThat(e.deadLetteredNeverCompleted()).isPositive());
        assertThat(RUNS.values()).anySatisfy(e -> assertThat(e.lost()).isPositive());
        assertThat(RUNS.values()).anySatisfy(e -> assertThat(e.data().pipelineEvents()).isEmpty());
        assertThat(all).anySatisfy(m -> assertThat(m.maxIteratorAgeSeconds()).isPositive());
        assertThat(all).anySatisfy(m -> assertThat(m.shardRetries()).isPositive());
    }

    @Test
    void every_panel_of_every_dashboard_has_its_numbers_checked_here() {
        Set<String> panels = new TreeSet<>();
        for (Dashboard board : Dashboard.all()) {
            board.panels().stream().filter(p -> !p.path("type").asText().equals("row")).map(board::key).forEach(panels::add);
        }
        assertThat(panels).containsExactlyInAnyOrderElementsOf(CHECKED_PANELS);
    }

    /** Panels that show something for any run with rows; the others count events a run may not have. */
    private static final Set<String> ALWAYS_SHOWING = Set.of(
            RUN_BOARD + "/" + RUN_METRICS, RUN_BOARD + "/" + INSERTS, RUN_BOARD + "/" + BUSY, RUN_BOARD + "/" + ALL_RUNS,
            COMPARE_BOARD + "/" + SIDE_BY_SIDE, COMPARE_BOARD + "/" + CONFIGURATION,
            COMPARE_BOARD + "/" + INSERTS_BY_RUN, COMPARE_BOARD + "/" + BUSY_BY_RUN);

    @ParameterizedTest(name = "{0}")
    @MethodSource("runIds")
    void every_panel_query_runs_and_shows_the_run_in_the_dashboards_default_time_range(String runId) {
        for (Dashboard board : Dashboard.all()) {
            View view = View.byDefault(board, List.of(runId));
            for (JsonNode panel : board.panels()) {
                Table table = view.panel(panel.path("title").asText());
                if (ALWAYS_SHOWING.contains(board.key(panel))) {
                    assertThat(table.rows()).as("%s for %s", board.key(panel), runId).isNotEmpty();
                }
            }
        }
    }

    // ------------------------------------------------------------------ the run picker

    @Test
    void run_pickers_list_every_run_newest_first_with_mode_and_scenario() {
        List<String> newestFirst = RUNS.values().stream().map(e -> e.data().run())
                .sorted(Comparator.comparing(RunRecord::startedAt).reversed().thenComparing(RunRecord::runId))
                .map(RunRecord::runId).toList();
        for (String board : List.of(RUN_BOARD, COMPARE_BOARD)) {
            JsonNode picker = Dashboard.byUid(board).variables().get(0);
            Table options = query(picker.path("query").asText());
            assertThat(options.columns()).containsExactly("__value", "__text");
            assertThat(options.column("__value")).containsExactlyElementsOf(newestFirst);
            for (List<Object> row : options.rows()) {
                RunRecord run = RUNS.get((String) row.get(0)).data().run();
                assertThat((String) row.get(1)).contains(run.runId(), run.mode(), run.scenario());
            }
        }
    }

    // ------------------------------------------------------------------ one run

    @ParameterizedTest(name = "{0}")
    @MethodSource("runIds")
    void run_metrics_show_the_metrics_code_s_numbers(String runId) {
        Table table = View.zoomed(Dashboard.byUid(RUN_BOARD), List.of(runId)).panel(RUN_METRICS);
        assertThat(table.columns()).containsExactlyElementsOf(Arrays.stream(Metric.values()).map(Metric::label).toList());
        assertThat(table.rows()).hasSize(1);
        assertMetrics(table, 0, RUNS.get(runId).metrics());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runIds")
    void insert_timeline_is_every_second_of_the_run_with_the_limit(String runId) {
        Expected run = RUNS.get(runId);
        Table table = View.zoomed(Dashboard.byUid(RUN_BOARD), List.of(runId)).panel(INSERTS);
        assertThat(table.columns()).containsExactly("time", "inserts per second", "downstream limit");
        assertInsertTimeline(run, table, "inserts per second");
        assertThat(table.column("downstream limit")).allSatisfy(limit ->
                assertThat(number(limit)).isEqualByComparingTo(BigDecimal.valueOf(run.data().run().limitPerSecond())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runIds")
    void busy_instances_are_the_peak_per_second_and_their_maximum_is_max_concurrency(String runId) {
        Table table = View.zoomed(Dashboard.byUid(RUN_BOARD), List.of(runId)).panel(BUSY);
        assertThat(table.columns()).containsExactly("time", "busy instances");
        assertBusy(RUNS.get(runId), table, "busy instances");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runIds")
    void events_waiting_are_the_backlog_per_second_and_their_maximum_is_max_backlog(String runId) {
        Expected run = RUNS.get(runId);
        Table table = View.zoomed(Dashboard.byUid(RUN_BOARD), List.of(runId)).panel(WAITING);
        assertThat(table.columns()).containsExactly("time", "events waiting");
        List<Long> seconds = table.elapsedSeconds();
        List<BigDecimal> waiting = table.numbers("events waiting");
        for (int row = 0; row < seconds.size(); row++) {
            assertThat(waiting.get(row).longValueExact()).as("events waiting in %s at %d s", runId, seconds.get(row))
                    .isEqualTo(run.at(run.series().backlog(), seconds.get(row)));
        }
        long[] perSecond = run.series().backlog();
        for (int i = 0; i < perSecond.length; i++) {
            if (perSecond[i] > 0) {
                assertThat(seconds).as("seconds with events waiting in %s", runId).contains(run.elapsed(i));
            }
        }
        assertThat(waiting.stream().max(Comparator.naturalOrder()).orElseThrow().longValueExact())
                .isEqualTo(run.metrics().backlog().max()).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runIds")
    void throttles_and_redeliveries_per_second_add_up_to_the_metrics(String runId) {
        Expected run = RUNS.get(runId);
        Table table = View.zoomed(Dashboard.byUid(RUN_BOARD), List.of(runId)).panel(THROTTLES);
        assertThat(table.columns()).containsExactly("time", "throttles", "redeliveries");
        assertCounts(run, table, "throttles", run.series().throttles(), run.metrics().throttles());
        assertCounts(run, table, "redeliveries", run.series().redeliveries(), run.metrics().redeliveries());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runIds")
    void dlq_arrivals_per_second_and_the_failed_events_among_them(String runId) {
        Expected run = RUNS.get(runId);
        Table table = View.zoomed(Dashboard.byUid(RUN_BOARD), List.of(runId)).panel(DLQ);
        long arrivals = LongStream.of(run.series().dlqArrivals()).sum();
        if (arrivals == 0) {
            assertThat(table.rows()).isEmpty();
            return;
        }
        assertThat(table.columns()).containsExactly("time", "DLQ arrivals", "dead-lettered, never completed");
        assertCounts(run, table, "DLQ arrivals", run.series().dlqArrivals(), arrivals);
        long neverCompleted = table.sum("dead-lettered, never completed");
        assertThat(neverCompleted).isEqualTo(run.deadLetteredNeverCompleted())
                .isEqualTo(run.metrics().eventsFailed() - run.lost());
        if (run.lost() == 0) {
            assertThat(neverCompleted).isEqualTo(run.metrics().eventsFailed());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runIds")
    void iterator_age_is_the_once_a_second_sample_and_its_peak_is_max_iterator_age(String runId) {
        Expected run = RUNS.get(runId);
        Table table = View.zoomed(Dashboard.byUid(RUN_BOARD), List.of(runId)).panel(ITERATOR_AGE);
        if (!run.series().hasKinesis()) {
            assertThat(table.rows()).as("no Kinesis in %s", runId).isEmpty();
            return;
        }
        assertThat(table.columns()).containsExactly("time", "iterator age");
        assertIteratorAge(run, table);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runIds")
    void shard_blocking_retries_per_second_add_up_to_the_metric(String runId) {
        Expected run = RUNS.get(runId);
        Table table = View.zoomed(Dashboard.byUid(RUN_BOARD), List.of(runId)).panel(SHARD_RETRIES);
        if (run.metrics().shardRetries() == 0) {
            assertThat(table.rows()).as("no shard-blocking retries in %s", runId).isEmpty();
            return;
        }
        assertThat(table.columns()).containsExactly("time", "shard-blocking retries");
        assertCounts(run, table, "shard-blocking retries", run.series().shardRetries(), run.metrics().shardRetries());
    }

    @Test
    void all_runs_table_lists_every_run_with_its_metrics_and_a_link_that_zooms_to_it() {
        Dashboard board = Dashboard.byUid(RUN_BOARD);
        Table table = View.byDefault(board, List.of(RUNS.keySet().iterator().next())).panel(ALL_RUNS);
        List<String> newestFirst = RUNS.values().stream().map(e -> e.data().run())
                .sorted(Comparator.comparing(RunRecord::startedAt).reversed().thenComparing(RunRecord::runId))
                .map(RunRecord::runId).toList();
        assertThat(table.column("Run")).containsExactlyElementsOf(newestFirst);
        assertThat(table.columns()).startsWith("Run", "Scenario", "Mode", "Started").endsWith("zoom_to_ms")
                .containsAll(Arrays.stream(Metric.values()).map(Metric::label).toList());
        String linkUrl = fieldLink(board.panel(ALL_RUNS), "Run");
        for (int row = 0; row < table.rows().size(); row++) {
            String runId = (String) table.value(row, "Run");
            RunRecord run = RUNS.get(runId).data().run();
            assertThat(table.value(row, "Scenario")).isEqualTo(run.scenario());
            assertThat(table.value(row, "Mode")).isEqualTo(run.mode());
            assertMetrics(table, row, RUNS.get(runId).metrics());

            GrafanaMacros links = new GrafanaMacros(Instant.EPOCH, Instant.EPOCH, INTERVAL, Map.of());
            Link link = Link.parse(links.url(linkUrl, Map.of("__value.raw", runId,
                    "__data.fields.zoom_to_ms", table.number(row, "zoom_to_ms").toPlainString())));
            View zoomed = View.zoomed(board, List.of(runId));
            assertThat(link.dashboardUid()).isEqualTo(RUN_BOARD);
            assertThat(link.params().get("var-run")).containsExactly(runId);
            assertThat(link.params().get("from")).containsExactly("0");
            assertThat(Instant.ofEpochMilli(Long.parseLong(link.params().get("to").get(0)))).isEqualTo(zoomed.to());
        }
    }

    // ------------------------------------------------------------------ compare runs

    static Stream<List<String>> choices() {
        List<String> all = List.copyOf(RUNS.keySet());
        return Stream.of(all, List.of(all.get(0), all.get(2)), List.of(all.get(3)), List.of(all.get(4), all.get(1)));
    }

    @ParameterizedTest
    @MethodSource("choices")
    void side_by_side_metrics_are_each_chosen_run_s_metrics(List<String> chosen) {
        Dashboard board = Dashboard.byUid(COMPARE_BOARD);
        Table table = View.zoomed(board, chosen).panel(SIDE_BY_SIDE);
        assertThat(table.columns()).containsExactly("Metric", "Run", "Value");
        JsonNode matrix = board.panel(SIDE_BY_SIDE).path("transformations").get(0);
        assertThat(matrix.path("id").asText()).isEqualTo("groupingToMatrix");
        assertThat(List.of(matrix.path("options").path("columnField").asText(), matrix.path("options").path("rowField").asText(),
                matrix.path("options").path("valueField").asText())).containsExactly("Run", "Metric", "Value");
        assertThat(table.rows()).hasSize(Metric.values().length * chosen.size());
        for (int row = 0; row < table.rows().size(); row++) {
            Metric metric = metricLabelled((String) table.value(row, "Metric"));
            RunMetrics metrics = RUNS.get((String) table.value(row, "Run")).metrics();
            assertThat(table.number(row, "Value")).as("%s of %s", metric.label(), metrics.runId())
                    .isEqualByComparingTo(new BigDecimal(metric.number(metrics)));
        }
        assertThat(new HashSet<>(table.column("Run"))).containsExactlyInAnyOrderElementsOf(chosen);
    }

    @ParameterizedTest
    @MethodSource("choices")
    void configuration_shows_what_each_chosen_run_was_run_with(List<String> chosen) throws Exception {
        Table table = View.zoomed(Dashboard.byUid(COMPARE_BOARD), chosen).panel(CONFIGURATION);
        assertThat(new HashSet<>(table.column("Run"))).containsExactlyInAnyOrderElementsOf(chosen);
        Map<String, String> pointers = Map.of("Pipeline", "/pipeline", "Reserved concurrency", "/consumer/reservedConcurrency",
                "Maximum concurrency", "/consumer/maximumConcurrency", "Batch size", "/queue/batchSize",
                "Batch window (s)", "/queue/batchWindowSeconds", "Visibility timeout (s)", "/queue/visibilityTimeoutSeconds",
                "Max receives", "/queue/maxReceiveCount", "Function timeout (s)", "/consumer/timeoutSeconds",
                "Call (ms)", "/downstream/callMillis");
        assertThat(table.columns()).containsAll(pointers.keySet())
                .contains("Run", "Scenario", "Mode", "Events", "Memory (MB)", "Downstream limit (/s)");
        for (int row = 0; row < table.rows().size(); row++) {
            RunRecord run = RUNS.get((String) table.value(row, "Run")).data().run();
            JsonNode configuration = JSON.readTree(run.configurationJson());
            assertThat(table.value(row, "Scenario")).isEqualTo(run.scenario());
            assertThat(table.value(row, "Mode")).isEqualTo(run.mode());
            assertThat(table.number(row, "Events")).isEqualByComparingTo(BigDecimal.valueOf(run.totalEvents()));
            assertThat(table.number(row, "Memory (MB)")).isEqualByComparingTo(BigDecimal.valueOf(run.memoryMb()));
            assertThat(table.number(row, "Downstream limit (/s)")).isEqualByComparingTo(BigDecimal.valueOf(run.limitPerSecond()));
            for (Map.Entry<String, String> column : pointers.entrySet()) {
                JsonNode expected = configuration.at(column.getValue());
                Object actual = table.value(row, column.getKey());
                if (expected.isMissingNode() || expected.isNull()) {
                    assertThat(actual).as(column.getKey()).isNull();
                } else if (expected.isNumber()) {
                    assertThat(number(actual)).as(column.getKey()).isEqualByComparingTo(expected.decimalValue());
                } else {
                    assertThat(actual).as(column.getKey()).isEqualTo(expected.asText());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("choices")
    void per_run_timelines_are_each_chosen_run_s_own(List<String> chosen) {
        View view = View.zoomed(Dashboard.byUid(COMPARE_BOARD), chosen);
        Table inserts = view.panel(INSERTS_BY_RUN);
        Table busy = view.panel(BUSY_BY_RUN);
        Table throttles = view.panel(THROTTLES_BY_RUN);
        Table dlq = view.panel(DLQ_BY_RUN);
        assertThat(inserts.columns()).containsExactly("time", "metric", "inserts per second");
        assertThat(busy.columns()).containsExactly("time", "metric", "busy instances");
        assertThat(throttles.columns()).containsExactly("time", "metric", "throttles");
        assertThat(dlq.columns()).containsExactly("time", "metric", "DLQ arrivals");
        Table ages = view.panel(ITERATOR_AGE_BY_RUN);
        Table retries = view.panel(SHARD_RETRIES_BY_RUN);
        assertThat(ages.columns()).containsExactly("time", "metric", "iterator age");
        assertThat(retries.columns()).containsExactly("time", "metric", "shard-blocking retries");
        for (Table table : List.of(inserts, busy, throttles, dlq, ages, retries)) {
            assertThat(new HashSet<Object>(table.column("metric"))).isSubsetOf(new HashSet<Object>(chosen));
        }
        for (String runId : chosen) {
            Expected run = RUNS.get(runId);
            assertInsertTimeline(run, inserts.series(runId), "inserts per second");
            assertBusy(run, busy.series(runId), "busy instances");
            assertCounts(run, throttles.series(runId), "throttles", run.series().throttles(), run.metrics().throttles());
            assertCounts(run, dlq.series(runId), "DLQ arrivals", run.series().dlqArrivals(),
                    LongStream.of(run.series().dlqArrivals()).sum());
            if (run.series().hasKinesis()) {
                assertIteratorAge(run, ages.series(runId));
            } else {
                assertThat(ages.series(runId).rows()).as("no Kinesis in %s", runId).isEmpty();
            }
            assertCounts(run, retries.series(runId), "shard-blocking retries", run.series().shardRetries(),
                    run.metrics().shardRetries());
        }
        assertThat(chosen.stream().anyMatch(id -> RUNS.get(id).metrics().shardRetries() > 0))
                .isEqualTo(!retries.rows().isEmpty());
    }

    @Test
    void zoom_link_of_the_compare_dashboard_covers_the_longest_chosen_run() {
        List<String> all = List.copyOf(RUNS.keySet());
        Instant longest = all.stream().map(id -> View.zoomed(Dashboard.byUid(RUN_BOARD), List.of(id)).to())
                .max(Comparator.naturalOrder()).orElseThrow();
        assertThat(View.zoomed(Dashboard.byUid(COMPARE_BOARD), all).to()).isEqualTo(longest);
    }

    // ------------------------------------------------------------------ checks shared by both boards

    /**
     * The per-second inserts from the first publish to the last insert, equal to the series; over the
     * metrics' window (the first insert's second to the last's) equal to the rate metrics.
     */
    private static void assertInsertTimeline(Expected run, Table table, String column) {
        long lastSecond = run.lastStartedSecond() - run.originSecond();
        assertThat(table.elapsedSeconds()).as("seconds of %s", run.id())
                .containsExactlyElementsOf(LongStream.rangeClosed(0, lastSecond).boxed().toList());
        List<BigDecimal> inserts = table.numbers(column);
        for (int row = 0; row < inserts.size(); row++) {
            assertThat(inserts.get(row).longValueExact()).as("inserts of %s at %d s", run.id(), row)
                    .isEqualTo(run.at(run.series().inserts(), row));
        }
        RunMetrics metrics = run.metrics();
        long total = inserts.stream().mapToLong(BigDecimal::longValueExact).sum();
        List<BigDecimal> window = inserts.subList((int) (run.firstStartedSecond() - run.originSecond()), inserts.size());
        int limit = run.data().run().limitPerSecond();
        assertThat(total).isEqualTo(run.data().invocations().size());
        assertThat(inserts.stream().max(Comparator.naturalOrder()).orElseThrow().longValueExact())
                .isEqualTo(metrics.maxInsertsPerSecond());
        assertThat(window.stream().min(Comparator.naturalOrder()).orElseThrow().longValueExact())
                .isEqualTo(metrics.minInsertsPerSecond());
        assertThat(BigDecimal.valueOf(total).divide(BigDecimal.valueOf(window.size()), 3, RoundingMode.HALF_UP))
                .isEqualByComparingTo(BigDecimal.valueOf(metrics.avgInsertsPerSecond()));
        assertThat(inserts.stream().filter(n -> limit > 0 && n.longValueExact() > limit).count())
                .isEqualTo(metrics.secondsOverLimit());
    }

    /** Busy instances per second equal the series', every busy second is shown, the peak is max concurrency. */
    private static void assertBusy(Expected run, Table table, String column) {
        List<Long> seconds = table.elapsedSeconds();
        List<BigDecimal> busy = table.numbers(column);
        for (int row = 0; row < seconds.size(); row++) {
            assertThat(busy.get(row).longValueExact()).as("busy instances of %s at %d s", run.id(), seconds.get(row))
                    .isEqualTo(run.at(run.series().busyInstances(), seconds.get(row)));
        }
        long[] perSecond = run.series().busyInstances();
        for (int i = 0; i < perSecond.length; i++) {
            if (perSecond[i] > 0) {
                assertThat(seconds).as("busy seconds of %s", run.id()).contains(run.elapsed(i));
            }
        }
        assertThat(busy.stream().max(Comparator.naturalOrder()).orElseThrow().longValueExact())
                .isEqualTo(run.metrics().maxConcurrency());
    }

    /**
     * The iterator age in seconds equals the series' sample (milliseconds) at every second shown,
     * every second with a non-zero age is shown, and the peak is Max iterator age.
     */
    private static void assertIteratorAge(Expected run, Table table) {
        List<Long> seconds = table.elapsedSeconds();
        List<BigDecimal> ages = table.numbers("iterator age");
        for (int row = 0; row < seconds.size(); row++) {
            assertThat(ages.get(row).multiply(BigDecimal.valueOf(1000))).as("iterator age of %s at %d s", run.id(), seconds.get(row))
                    .isEqualByComparingTo(BigDecimal.valueOf(run.at(run.series().iteratorAgeMillis(), seconds.get(row))));
        }
        long[] perSecond = run.series().iteratorAgeMillis();
        for (int i = 0; i < perSecond.length; i++) {
            if (perSecond[i] > 0) {
                assertThat(seconds).as("seconds with an iterator age in %s", run.id()).contains(run.elapsed(i));
            }
        }
        assertThat(ages.stream().max(Comparator.naturalOrder()).orElseThrow())
                .isEqualByComparingTo(BigDecimal.valueOf(run.metrics().maxIteratorAgeSeconds())).isPositive();
    }

    /** Counts per second equal the series' at every second shown, and add up to {@code total}. */
    private static void assertCounts(Expected run, Table table, String column, long[] perSecond, long total) {
        List<Long> seconds = table.elapsedSeconds();
        List<BigDecimal> counts = table.numbers(column);
        for (int row = 0; row < seconds.size(); row++) {
            assertThat(counts.get(row).longValueExact()).as("%s of %s at %d s", column, run.id(), seconds.get(row))
                    .isEqualTo(run.at(perSecond, seconds.get(row)));
        }
        assertThat(table.sum(column)).as("%s of %s", column, run.id()).isEqualTo(total)
                .isEqualTo(LongStream.of(perSecond).sum());
    }

    private static void assertMetrics(Table table, int row, RunMetrics metrics) {
        for (Metric metric : Metric.values()) {
            assertThat(table.number(row, metric.label())).as("%s of %s", metric.label(), metrics.runId())
                    .isEqualByComparingTo(new BigDecimal(metric.number(metrics)));
        }
    }

    private static Metric metricLabelled(String label) {
        return Arrays.stream(Metric.values()).filter(m -> m.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("not one of the metrics (Metric): " + label));
    }

    private static String fieldLink(JsonNode panel, String field) {
        for (JsonNode override : panel.path("fieldConfig").path("overrides")) {
            if (override.path("matcher").path("options").asText().equals(field)) {
                for (JsonNode property : override.path("properties")) {
                    if (property.path("id").asText().equals("links")) {
                        return property.path("value").get(0).path("url").asText();
                    }
                }
            }
        }
        throw new AssertionError("no link on field " + field);
    }

    private static BigDecimal number(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    // ------------------------------------------------------------------ running the SQL

    private static Table query(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
            return new Table(columns, rows);
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + e.getMessage() + "\n" + sql, e);
        }
    }

    /** What a query returned, with the helpers the checks need. */
    private record Table(List<String> columns, List<List<Object>> rows) {

        Object value(int row, String column) {
            int index = columns.indexOf(column);
            assertThat(index).as("column %s in %s", column, columns).isNotNegative();
            return rows.get(row).get(index);
        }

        BigDecimal number(int row, String column) {
            return DashboardQueriesTest.number(value(row, column));
        }

        List<Object> column(String column) {
            int index = columns.indexOf(column);
            assertThat(index).as("column %s in %s", column, columns).isNotNegative();
            return rows.stream().map(r -> r.get(index)).toList();
        }

        List<BigDecimal> numbers(String column) {
            return column(column).stream().map(v -> v == null ? BigDecimal.ZERO : DashboardQueriesTest.number(v)).toList();
        }

        long sum(String column) {
            return numbers(column).stream().mapToLong(BigDecimal::longValueExact).sum();
        }

        /** The {@code time} column as whole seconds of the run clock. */
        List<Long> elapsedSeconds() {
            return numbers("time").stream().map(BigDecimal::longValueExact).toList();
        }

        /** The rows of one series of a long-format result (its {@code metric} column). */
        Table series(String metric) {
            int index = columns.indexOf("metric");
            return new Table(columns, rows.stream().filter(r -> Objects.equals(r.get(index), metric)).toList());
        }
    }

    /**
     * A dashboard as Grafana shows it: the chosen run(s) in its picker, its hidden variables
     * resolved by their own queries (as Grafana refreshes chained variables), a time range.
     */
    private record View(Dashboard board, Map<String, Variable> variables, Instant from, Instant to) {

        /** The dashboard's saved time range. */
        static View byDefault(Dashboard board, List<String> runs) {
            JsonNode time = board.json().path("time");
            return new View(board, resolve(board, runs), Instant.parse(time.path("from").asText()),
                    Instant.parse(time.path("to").asText()));
        }

        /** The range the dashboard's "Zoom" link sets for the chosen run(s). */
        static View zoomed(Dashboard board, List<String> runs) {
            Map<String, Variable> variables = resolve(board, runs);
            GrafanaMacros macros = new GrafanaMacros(Instant.EPOCH, Instant.EPOCH, INTERVAL, variables);
            Link link = Link.parse(macros.url(board.link("Zoom").path("url").asText(), Map.of()));
            String picker = board.variables().get(0).path("name").asText();
            assertThat(link.dashboardUid()).isEqualTo(board.uid());
            assertThat(link.params().get("var-" + picker)).containsExactlyElementsOf(runs);
            assertThat(link.params().get("from")).containsExactly("0");
            return new View(board, variables, Instant.EPOCH, Instant.ofEpochMilli(Long.parseLong(link.params().get("to").get(0))));
        }

        private static Map<String, Variable> resolve(Dashboard board, List<String> runs) {
            Map<String, Variable> variables = new LinkedHashMap<>();
            List<JsonNode> definitions = board.variables();
            for (int i = 0; i < definitions.size(); i++) {
                JsonNode definition = definitions.get(i);
                String name = definition.path("name").asText();
                boolean multi = definition.path("multi").asBoolean();
                boolean includeAll = definition.path("includeAll").asBoolean();
                List<String> values;
                if (i == 0) { // the run picker
                    assertThat(multi || runs.size() == 1).as("%s picks one run", board.uid()).isTrue();
                    values = runs;
                } else {
                    String sql = new GrafanaMacros(Instant.EPOCH, Instant.EPOCH, INTERVAL, variables)
                            .sql(definition.path("query").asText());
                    Table options = query(sql);
                    assertThat(options.rows()).as("options of %s", name).isNotEmpty();
                    values = List.of(String.valueOf(options.rows().get(0).get(0)));
                }
                variables.put(name, new Variable(name, values, multi, includeAll));
            }
            return variables;
        }

        Table panel(String title) {
            JsonNode panel = board.panel(title);
            assertThat(panel.path("targets")).as("queries of %s", title).hasSize(1);
            JsonNode target = panel.path("targets").get(0);
            String sql = new GrafanaMacros(from, to, INTERVAL, variables).sql(target.path("rawSql").asText());
            assertThat(sql).as("expanded SQL of %s", title).doesNotContain("$");
            Table table = query(sql);
            if (target.path("format").asText().equals("time_series")) {
                assertThat(table.columns()).as("columns of %s", title).first().isEqualTo("time");
                List<Long> times = table.elapsedSeconds();
                assertThat(times).as("time order of %s", title).isSorted();
                assertThat(times).as("times of %s within the range", title)
                        .allSatisfy(t -> assertThat(t).isBetween(from.getEpochSecond(), to.getEpochSecond()));
            }
            return table;
        }
    }

    /** A link's dashboard uid and query parameters. */
    private record Link(String dashboardUid, Map<String, List<String>> params) {

        static Link parse(String url) {
            assertThat(url).startsWith("/d/");
            String[] pathAndQuery = url.split("\\?", 2);
            String uid = pathAndQuery[0].split("/")[2];
            Map<String, List<String>> params = new LinkedHashMap<>();
            if (pathAndQuery.length == 2) {
                for (String pair : pathAndQuery[1].split("&")) {
                    String[] kv = pair.split("=", 2);
                    params.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                            .add(URLDecoder.decode(kv.length == 2 ? kv[1] : "", StandardCharsets.UTF_8));
                }
            }
            return new Link(uid, params);
        }
    }

    /**
     * What the metrics code says about one run, and its run clock: second 0 is the second of its
     * first publish (as the metrics' window starts), from the rows, independently of the SQL.
     */
    private record Expected(RunData data, RunMetrics metrics, PerSecondSeries series, long originSecond,
            long lastCompletedSecond, long firstStartedSecond, long lastStartedSecond) {

        static Expected of(RunData data, RunMetrics metrics) {
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            long firstStarted = Long.MAX_VALUE;
            long lastStarted = Long.MIN_VALUE;
            for (InvocationRow row : data.invocations()) {
                Instant sent = firstOf(row.sentAt(), row.startedAt(), row.completedAt());
                if (sent != null) {
                    Instant started = firstOf(row.startedAt(), row.completedAt(), row.sentAt());
                    first = Math.min(first, Math.min(sent.toEpochMilli(), started.toEpochMilli()));
                    last = Math.max(last, firstOf(row.completedAt(), row.startedAt(), row.sentAt()).toEpochMilli());
                    firstStarted = Math.min(firstStarted, started.toEpochMilli());
                    lastStarted = Math.max(lastStarted, started.toEpochMilli());
                }
            }
            if (first == Long.MAX_VALUE) {
                first = data.run().startedAt().toEpochMilli();
                last = first;
                firstStarted = first;
                lastStarted = first;
            }
            return new Expected(data, metrics, PerSecondSeries.of(data), Math.floorDiv(first, 1000L), Math.floorDiv(last, 1000L),
                    Math.floorDiv(firstStarted, 1000L), Math.floorDiv(lastStarted, 1000L));
        }

        private static Instant firstOf(Instant a, Instant b, Instant c) {
            return a != null ? a : b != null ? b : c;
        }

        String id() {
            return data.run().runId();
        }

        /** A per-second series' value at {@code elapsed} seconds of the run clock (0 outside it). */
        long at(long[] perSecond, long elapsed) {
            long index = originSecond + elapsed - series.startEpochSecond();
            return index >= 0 && index < perSecond.length ? perSecond[(int) index] : 0;
        }

        /** The run-clock second of a series index. */
        long elapsed(int index) {
            return series.startEpochSecond() + index - originSecond;
        }

        /** Events that reached the DLQ and have no row: counted here, not by the SQL. */
        long deadLetteredNeverCompleted() {
            Set<Long> completed = new HashSet<>();
            data.invocations().forEach(row -> completed.add(row.id()));
            return data.pipelineEvents().stream()
                    .filter(e -> e.kind() == PipelineEventKind.DLQ && e.eventId() != null && !completed.contains(e.eventId()))
                    .map(PipelineEvent::eventId).distinct().count();
        }

        /** Published events with neither a row nor a DLQ arrival. */
        long lost() {
            return data.run().totalEvents() - metrics.eventsCompleted() - deadLetteredNeverCompleted();
        }
    }
}
