package io.streamlimit.cli;

import static io.streamlimit.cli.CliRun.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.results.ResultsSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user meets it: exit codes, messages, and what lands on standard output. */
class CliTest {

    @TempDir
    Path dir;

    @Test
    void every_command_has_help() {
        for (String command : new String[] {"run", "simulate", "up", "compare", "recommend", "tracker", "chaos", "bench", "schema", "fidelity", "calibrate", "import-aws"}) {
            CliRun help = execute(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: streamlimit " + command);
        }
    }

    @Test
    void bare_streamlimit_prints_the_usage_and_exits_2() {
        CliRun result = execute();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Usage: streamlimit").contains("Commands:", "  simulate ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void an_unknown_command_says_so_and_lists_the_commands() {
        CliRun result = execute("simulat", "x.yaml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: unknown command 'simulat'; the commands are help, tracker, run,"
                + " up, simulate, fidelity, calibrate, compare, import-aws, recommend, chaos, bench, schema"
                + " (see 'streamlimit help')");
    }

    @Test
    void help_lists_each_command_with_a_whole_sentence() {
        CliRun result = execute("help");

        assertThat(result.exitCode()).isZero();
        String list = result.out().substring(result.out().indexOf("Commands:"));
        picocli.CommandLine cli = StreamlimitCli.commandLine();
        for (var command : cli.getSubcommands().entrySet()) {
            String summary = CommandSummaries.summary(command.getValue().getHelp());
            assertThat(summary).as(command.getKey()).endsWith(".");
            // Unwrapped, the list holds each summary whole.
            assertThat(list.replaceAll("\\s+", " ")).as(command.getKey()).contains(" " + command.getKey() + " " + summary);
        }
    }

    @Test
    void schema_prints_the_results_tables_as_one_idempotent_script() {
        CliRun result = execute("schema");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(ResultsSchema.script())
                .contains("create table if not exists invocations (", "create table if not exists runs (",
                        "create table if not exists pipeline_events (");
    }

    @Test
    void a_missing_scenario_file_exits_2_naming_the_file() {
        CliRun result = execute("simulate", dir.resolve("nope.yaml").toString(), "--no-save");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nope.yaml").doesNotContain("at io.streamlimit");
    }

    @Test
    void an_impossible_value_exits_2_naming_the_key() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of("../scenarios/recommended.yaml"))
                .replace("maximumConcurrency: 5", "maximumConcurrency: 1"));

        CliRun result = execute("run", bad.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("consumer.maximumConcurrency").doesNotContain("at io.streamlimit");
    }

    @Test
    void an_unknown_option_exits_2() {
        CliRun result = execute("simulate", "../scenarios/recommended.yaml", "--frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--frobnicate");
    }

    @Test
    void run_json_prints_the_measurement_with_its_simulated_twin_under_the_same_keys() throws Exception {
        Path results = dir.resolve("results");
        // The libraries' log lines go to System.err, not to the command's writer.
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        CliRun result;
        try {
            result = execute("run", "../scenarios/recommended.yaml", "--json", "--events", "20", "--seed", "3",
                    "--results-dir", results.toString(), "--report-dir", dir.toString());
        } finally {
            System.setErr(stderr);
        }

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(logged.toString(StandardCharsets.UTF_8).lines())
                .as("a successful run, warm-up included, logs no error or warning")
                .noneMatch(line -> line.contains(" ERROR ") || line.contains(" WARN "));
        assertThat(result.out().strip().lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(result.out());
        JsonNode simulated = json.get("simulated");
        assertThat(simulated).isNotNull();
        List<String> topKeys = new ArrayList<>();
        json.fieldNames().forEachRemaining(topKeys::add);
        List<String> twinKeys = new ArrayList<>();
        simulated.fieldNames().forEachRemaining(twinKeys::add);
        assertThat(twinKeys).isEqualTo(topKeys.subList(0, topKeys.size() - 1));
        String runId = json.get("runId").asText();
        assertThat(json.get("mode").asText()).isEqualTo("local");
        assertThat(json.get("totalEvents").asLong()).isEqualTo(20);
        assertThat(simulated.get("runId").asText()).isEqualTo(runId + "-twin");
        assertThat(simulated.get("mode").asText()).isEqualTo("simulate");
        assertThat(simulated.get("scenario").asText()).isEqualTo("recommended");
        assertThat(simulated.get("totalEvents").asLong()).isEqualTo(20);
        assertThat(simulated.get("eventsCompleted").asLong()).isEqualTo(20);
        assertThat(Files.readString(dir.resolve(runId + ".html")))
                .contains("<path class=\"twin\" d=\"M", "simulated (model)", "measured (local)");

        // The twin is a prediction printed beside the run, not a run of its own.
        CliRun listed = execute("compare", "--results-dir", results.toString());
        assertThat(listed.out()).contains(runId).doesNotContain(runId + "-twin");
    }

    @Test
    void simulate_json_prints_exactly_one_object_and_the_same_seed_gives_the_same_bytes() throws Exception {
        String[] args = {"simulate", "../scenarios/recommended.yaml", "--json", "--seed", "7", "--no-save", "--report-dir", dir.toString()};

        CliRun first = execute(args);
        CliRun second = execute(args);

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).isEqualTo(second.out());
        JsonNode json = new ObjectMapper().readTree(first.out());
        assertThat(first.out().strip().lines()).hasSize(1);
        assertThat(json.get("runId").asText()).isEqualTo("sim-recommended-seed7");
        assertThat(json.get("mode").asText()).isEqualTo("simulate");
        assertThat(json.get("totalEvents").asLong()).isEqualTo(1000);
        assertThat(json.get("eventsCompleted").asLong()).isEqualTo(1000);
        assertThat(json.get("secondsOverLimit").asLong()).isZero();
        assertThat(Files.readString(dir.resolve("sim-recommended-seed7.html"))).contains("<svg");
    }

    @Test
    void simulate_prints_the_metrics_table_and_saves_the_run_for_compare() {
        Path results = dir.resolve("results");
        CliRun simulated = execute("simulate", "../scenarios/03-sqs-rc1-low-visibility.yaml", "--events", "200",
                "--results-dir", results.toString(), "--report-dir", dir.toString());

        assertThat(simulated.exitCode()).isZero();
        assertThat(simulated.out()).contains("Total events", "Events failed", "Seconds over the limit", "Delivered share", "Limit utilisation (peak)");

        CliRun listed = execute("compare", "--results-dir", results.toString());
        assertThat(listed.out()).contains("sim-sqs-rc1-low-visibility-seed1-events200-aws-2020");

        CliRun compared = execute("compare", "sim-sqs-rc1-low-visibility-seed1-events200-aws-2020", "--results-dir", results.toString(),
                "--report", dir.resolve("cmp.html").toString());
        assertThat(compared.exitCode()).isZero();
        assertThat(compared.out()).contains("Total events");
        assertThat(Files.exists(dir.resolve("cmp.html"))).isTrue();

        CliRun unknown = execute("compare", "no-such-run", "--results-dir", results.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no-such-run");
    }

    /** 1,000 events through a mapping no reservation holds back: its scale-up rate sets the time taken. */
    private static final String UNRESERVED_QUEUE = """
            name: unreserved-queue
            description: the event source mapping scales up as fast as AWS lets it
            events:     { total: 1000 }
            pipeline:   sns-sqs-lambda
            queue:      { visibilityTimeoutSeconds: 60 }
            downstream: { ratePerSecond: 1000, callMillis: 1000 }
            """;

    @Test
    void run_with_an_aws_profile_file_runs_both_the_emulator_and_its_twin_under_it() throws Exception {
        // A what-if: every invoke takes 2 s to reach the handler instead of 30 ms. Without it, 20
        // events of recommended.yaml take about 2.1 s (the 1 s batching window and one 1 s call).
        Path profile = dir.resolve("slow-invokes.yaml");
        Files.writeString(profile, "invokeOverhead: PT2S\n");
        CliRun result = execute("run", "../scenarios/recommended.yaml", "--json", "--events", "20",
                "--aws-profile", profile.toString(), "--results-dir", dir.resolve("results").toString(),
                "--report-dir", dir.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("eventsCompleted").asLong()).isEqualTo(20);
        assertThat(json.get("timeTakenSeconds").asDouble()).as("measured").isGreaterThanOrEqualTo(3.0);
        assertThat(json.get("simulated").get("timeTakenSeconds").asDouble()).as("twin").isGreaterThanOrEqualTo(3.0);
    }

    @Test
    void simulate_with_an_aws_profile_file_reproduces_that_behaviour() throws Exception {
        Path scenario = dir.resolve("unreserved-queue.yaml");
        Files.writeString(scenario, UNRESERVED_QUEUE);
        Path profile = dir.resolve("slow-mapping.yaml");
        Files.writeString(profile, "concurrentBatchesAddedPerMinute: 60\n");

        CliRun current = execute("simulate", scenario.toString(), "--json", "--no-save", "--report-dir", dir.toString());
        CliRun slow = execute("simulate", scenario.toString(), "--json", "--no-save", "--report-dir", dir.toString(),
                "--aws-profile", profile.toString());

        assertThat(current.exitCode()).isZero();
        assertThat(slow.exitCode()).as(slow.err()).isZero();
        JsonNode fast = new ObjectMapper().readTree(current.out());
        JsonNode slowJson = new ObjectMapper().readTree(slow.out());
        assertThat(fast.get("runId").asText()).isEqualTo("sim-unreserved-queue-seed1");
        assertThat(slowJson.get("runId").asText()).isEqualTo("sim-unreserved-queue-seed1-aws-slow-mapping");
        assertThat(slowJson.get("eventsCompleted").asLong()).isEqualTo(1000);
        assertThat(slowJson.get("timeTakenSeconds").asDouble()).isGreaterThan(fast.get("timeTakenSeconds").asDouble() * 1.5);
        assertThat(slowJson.get("maxConcurrency").asLong()).isLessThan(fast.get("maxConcurrency").asLong());
    }

    @Test
    void a_scenario_names_its_aws_profile_and_the_option_overrides_it() throws Exception {
        Path scenario = dir.resolve("unreserved-queue.yaml");
        Files.writeString(scenario, UNRESERVED_QUEUE);
        Path under2020 = dir.resolve("unreserved-queue-2020.yaml");
        Files.writeString(under2020, "awsProfile: \"2020\"\n" + UNRESERVED_QUEUE);
        String[] json = {"--json", "--no-save", "--report-dir", dir.toString()};

        String named = execute(concat(new String[] {"simulate", under2020.toString()}, json)).out();
        String option = execute(concat(new String[] {"simulate", scenario.toString(), "--aws-profile", "2020"}, json)).out();
        String overridden = execute(concat(new String[] {"simulate", under2020.toString(), "--aws-profile", "current"}, json)).out();
        String current = execute(concat(new String[] {"simulate", scenario.toString()}, json)).out();

        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(named).get("timeTakenSeconds")).isEqualTo(mapper.readTree(option).get("timeTakenSeconds"));
        assertThat(mapper.readTree(overridden).get("timeTakenSeconds")).isEqualTo(mapper.readTree(current).get("timeTakenSeconds"));
        assertThat(mapper.readTree(named).get("timeTakenSeconds")).isNotEqualTo(mapper.readTree(current).get("timeTakenSeconds"));
    }

    @Test
    void a_bad_aws_profile_exits_2_with_one_line_naming_it() throws Exception {
        CliRun unknown = execute("simulate", "../scenarios/recommended.yaml", "--no-save", "--aws-profile", "2019");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo(
                "error: --aws-profile: unknown AWS profile \"2019\": not a profile (current, 2020) and no such file");

        Path profile = dir.resolve("typo.yaml");
        Files.writeString(profile, "concurrentBatchesAddedPerMinutes: 60\n");
        CliRun typo = execute("recommend", "--limit", "5", "--aws-profile", profile.toString());
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err().strip().lines()).hasSize(1);
        assertThat(typo.err()).startsWith("error: --aws-profile: " + profile + ": concurrentBatchesAddedPerMinutes: unknown key;"
                + " known keys: base, longPollWait,");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void recommend_prints_a_winner_that_loses_nothing_and_writes_it_as_a_scenario() throws Exception {
        Path written = dir.resolve("winner.yaml");

        CliRun result = execute("recommend", "--limit", "50", "--events", "1000", "--pattern", "rate", "--rate", "50",
                "--write", written.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("RANK", "Why:");
        assertThat(Files.readString(written)).contains("pipeline:", "maxReceiveCount");
        CliRun simulated = execute("simulate", written.toString(), "--json", "--no-save", "--report-dir", dir.toString());
        JsonNode json = new ObjectMapper().readTree(simulated.out());
        assertThat(json.get("eventsFailed").asLong()).isZero();
        assertThat(json.get("secondsOverLimit").asLong()).isZero();
    }
}
