package io.streamlimit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.results.ResultsSchema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI as a user meets it: exit codes, messages, and what lands on standard output. */
class CliTest {

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    private static Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = StreamlimitCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void every_command_has_help() {
        for (String command : new String[] {"run", "simulate", "up", "compare", "recommend", "tracker", "chaos", "bench", "schema"}) {
            Result help = execute(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: streamlimit " + command);
        }
    }

    @Test
    void schema_prints_the_results_tables_as_one_idempotent_script() {
        Result result = execute("schema");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(ResultsSchema.script())
                .contains("create table if not exists invocations (", "create table if not exists runs (",
                        "create table if not exists pipeline_events (");
    }

    @Test
    void a_missing_scenario_file_exits_2_naming_the_file() {
        Result result = execute("simulate", dir.resolve("nope.yaml").toString(), "--no-save");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nope.yaml").doesNotContain("at io.streamlimit");
    }

    @Test
    void an_impossible_value_exits_2_naming_the_key() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of("../scenarios/recommended.yaml"))
                .replace("maximumConcurrency: 5", "maximumConcurrency: 1"));

        Result result = execute("run", bad.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("consumer.maximumConcurrency").doesNotContain("at io.streamlimit");
    }

    @Test
    void an_unknown_option_exits_2() {
        Result result = execute("simulate", "../scenarios/recommended.yaml", "--frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--frobnicate");
    }

    @Test
    void run_json_prints_the_measurement_with_its_simulated_twin_under_the_same_keys() throws Exception {
        Path results = dir.resolve("results");
        Result result = execute("run", "../scenarios/recommended.yaml", "--json", "--events", "20", "--seed", "3",
                "--results-dir", results.toString(), "--report-dir", dir.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
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
        Result listed = execute("compare", "--results-dir", results.toString());
        assertThat(listed.out()).contains(runId).doesNotContain(runId + "-twin");
    }

    @Test
    void simulate_json_prints_exactly_one_object_and_the_same_seed_gives_the_same_bytes() throws Exception {
        String[] args = {"simulate", "../scenarios/recommended.yaml", "--json", "--seed", "7", "--no-save", "--report-dir", dir.toString()};

        Result first = execute(args);
        Result second = execute(args);

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
        Result simulated = execute("simulate", "../scenarios/03-sqs-rc1-low-visibility.yaml", "--events", "200",
                "--results-dir", results.toString(), "--report-dir", dir.toString());

        assertThat(simulated.exitCode()).isZero();
        assertThat(simulated.out()).contains("Total events", "Events failed", "Seconds over the limit", "Efficiency");

        Result listed = execute("compare", "--results-dir", results.toString());
        assertThat(listed.out()).contains("sim-sqs-rc1-low-visibility-seed1-events200");

        Result compared = execute("compare", "sim-sqs-rc1-low-visibility-seed1-events200", "--results-dir", results.toString(),
                "--report", dir.resolve("cmp.html").toString());
        assertThat(compared.exitCode()).isZero();
        assertThat(compared.out()).contains("Total events");
        assertThat(Files.exists(dir.resolve("cmp.html"))).isTrue();

        Result unknown = execute("compare", "no-such-run", "--results-dir", results.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no-such-run");
    }

    @Test
    void recommend_prints_a_winner_that_loses_nothing_and_writes_it_as_a_scenario() throws Exception {
        Path written = dir.resolve("winner.yaml");

        Result result = execute("recommend", "--limit", "50", "--events", "1000", "--pattern", "rate", "--rate", "50",
                "--write", written.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("RANK", "Why:");
        assertThat(Files.readString(written)).contains("pipeline:", "maxReceiveCount");
        Result simulated = execute("simulate", written.toString(), "--json", "--no-save", "--report-dir", dir.toString());
        JsonNode json = new ObjectMapper().readTree(simulated.out());
        assertThat(json.get("eventsFailed").asLong()).isZero();
        assertThat(json.get("secondsOverLimit").asLong()).isZero();
    }
}
