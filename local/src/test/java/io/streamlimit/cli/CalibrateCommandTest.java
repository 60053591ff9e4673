package io.streamlimit.cli;

import static io.streamlimit.cli.CliRun.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.aws.AwsProfileFile;
import io.streamlimit.fidelity.TraceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code streamlimit calibrate} as a user meets it: the real trace in, a profile simulate accepts out. */
class CalibrateCommandTest {

    private static final String TRACE = "../lab/src/main/resources/calibration/trace-2020-06-07.csv";
    private static final String CONSUMER_2 = "../lab/src/main/resources/calibration/cases/trace-consumer-2.yaml";

    @TempDir
    Path dir;

    @Test
    void writes_a_profile_that_simulate_accepts() throws Exception {
        Path profile = dir.resolve("consumer-2.yaml");

        CliRun calibrated = execute("calibrate", "--trace", TRACE, "--group", "consumer-2", "--scenario", CONSUMER_2,
                "--out", profile.toString());

        assertThat(calibrated.exitCode()).as(calibrated.err()).isZero();
        assertThat(calibrated.out()).contains("Fitted to " + TRACE + ", group consumer-2 (1,000 rows",
                "starting from the AWS profile 2020", "first -> last start (s)  1518.5", "start gap median (s)",
                "mappingBatchesRemovedPerThrottle", "invokeOverhead", "heldBatchRetryMeanInterval",
                "Wrote " + profile);
        String text = Files.readString(profile);
        assertThat(text).startsWith("# AWS profile fitted by `streamlimit calibrate` on ");
        assertThat(text.lines().filter(line -> !line.startsWith("#")).map(line -> line.split(":")[0]))
                .containsExactly("base", "mappingBatchesRemovedPerThrottle", "invokeOverhead");
        AwsProfileFile.load(profile);

        CliRun simulated = execute("simulate", CONSUMER_2, "--aws-profile", profile.toString(), "--json", "--no-save",
                "--report-dir", dir.toString());
        assertThat(simulated.exitCode()).as(simulated.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(simulated.out());
        assertThat(json.get("eventsCompleted").asLong()).isEqualTo(1000);
    }

    @Test
    void a_bad_row_exits_2_with_one_line_naming_the_line_and_the_column() throws Exception {
        Path trace = dir.resolve("bad.csv");
        Files.writeString(trace, TraceReader.HEADER + "\n"
                + "1,,2020-06-07 16:24:06.165000,consumer-2,b1,c1,\n"
                + "2,,half past four,consumer-2,b2,c1,\n");

        CliRun result = execute("calibrate", "--trace", trace.toString(), "--scenario", CONSUMER_2,
                "--out", dir.resolve("p.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip().lines()).hasSize(1);
        assertThat(result.err()).startsWith("error: " + trace + ": line 3, column started_at: not a timestamp")
                .contains("\"half past four\"");
        assertThat(Files.exists(dir.resolve("p.yaml"))).isFalse();
    }

    @Test
    void several_groups_without_group_exit_2_listing_them() {
        CliRun result = execute("calibrate", "--trace", TRACE, "--scenario", CONSUMER_2,
                "--out", dir.resolve("p.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("error: --group: " + TRACE
                + " has several groups (consumer-1, consumer-2, consumer-3); name one with --group");
    }

    @Test
    void the_real_rows_come_from_exactly_one_of_trace_and_run() {
        CliRun neither = execute("calibrate", "--scenario", CONSUMER_2, "--out", dir.resolve("p.yaml").toString());
        CliRun both = execute("calibrate", "--trace", TRACE, "--run", "x", "--scenario", CONSUMER_2,
                "--out", dir.resolve("p.yaml").toString());
        CliRun noDirectory = execute("calibrate", "--trace", TRACE, "--group", "consumer-2", "--scenario", CONSUMER_2,
                "--out", dir.resolve("missing/p.yaml").toString());

        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err().strip()).isEqualTo("error: --trace or --run: give exactly one, the real run's rows");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err().strip()).endsWith("(got both)");
        assertThat(noDirectory.exitCode()).isEqualTo(2);
        assertThat(noDirectory.err().strip()).startsWith("error: --out: no such directory: ");
    }

    @Test
    void run_reads_a_saved_runs_rows_and_its_published_count_from_the_results_database() throws Exception {
        // A saved run stands for a real one: 200 events (--events) of consumer-2's 1,000-event
        // configuration. The run's own record says 200 were published, not the scenario's 1,000:
        // the other 800 are not lost.
        Path results = dir.resolve("results");
        CliRun saved = execute("simulate", CONSUMER_2, "--events", "200", "--seed", "1001",
                "--results-dir", results.toString(), "--report-dir", dir.toString());
        assertThat(saved.exitCode()).as(saved.err()).isZero();

        CliRun calibrated = execute("calibrate", "--run", "sim-trace-consumer-2-seed1001-events200-aws-2020",
                "--scenario", CONSUMER_2, "--out", dir.resolve("p.yaml").toString(), "--results-dir", results.toString());
        CliRun unknown = execute("calibrate", "--run", "no-such-run", "--scenario", CONSUMER_2,
                "--out", dir.resolve("q.yaml").toString(), "--results-dir", results.toString());

        assertThat(calibrated.exitCode()).as(calibrated.out() + calibrated.err()).isZero();
        assertThat(calibrated.out()).contains(
                "Fitted to run sim-trace-consumer-2-seed1001-events200-aws-2020, group trace-consumer-2"
                        + " (200 rows, 200 of 200 published events)",
                "Identified (the values that keep the loss within the tolerance", "  mappingBatchesRemovedPerThrottle: ");
        assertThat(calibrated.out()).doesNotContain("No fit");
        assertThat(Files.exists(dir.resolve("p.yaml"))).isTrue();
        assertThat(unknown.exitCode()).isEqualTo(2);
        // The line saying which results database the command opened, then the error
        assertThat(unknown.err().strip().lines()).containsExactly(
                "Results database: the embedded PostgreSQL in " + results,
                "error: --run: no invocations rows for run 'no-such-run' in the results database"
                        + " (run 'streamlimit compare' to list saved runs)");
    }

    @Test
    void a_fit_that_ends_on_a_parameters_bound_is_no_fit_exit_2_with_the_figures_and_nothing_written() throws Exception {
        // The "real" run's invokes took 0.5 s to start, beyond the 0.2 s the search spans: the
        // fit runs into the bound and is not presented as a result.
        Path slow = dir.resolve("slow.yaml");
        Files.writeString(slow, "base: \"2020\"\ninvokeOverhead: PT0.5S\n");
        Path results = dir.resolve("results");
        CliRun saved = execute("simulate", CONSUMER_2, "--events", "200", "--seed", "1001", "--aws-profile",
                slow.toString(), "--results-dir", results.toString(), "--report-dir", dir.toString());
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        String runId = "sim-trace-consumer-2-seed1001-events200-aws-slow";

        Path profile = dir.resolve("p.yaml");
        CliRun calibrated = execute("calibrate", "--run", runId, "--scenario", CONSUMER_2, "--out", profile.toString(),
                "--results-dir", results.toString());

        assertThat(calibrated.exitCode()).as(calibrated.out() + calibrated.err()).isEqualTo(2);
        assertThat(calibrated.out()).contains("200 of 200 published events)", "start gap median (s)",
                "No fit: invokeOverhead ended on its bound (0.2 s, range 0 s to 0.2 s)");
        // A fit outside its tolerance identifies nothing: no range is printed for it.
        assertThat(calibrated.out()).doesNotContain("Identified");
        assertThat(calibrated.err().strip().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("error: no fit: invokeOverhead ended on its bound (0.2 s, range 0 s to 0.2 s)")
                .endsWith("; nothing written to " + profile);
        assertThat(Files.exists(profile)).isFalse();
    }

    @Test
    void has_help() {
        CliRun help = execute("calibrate", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: streamlimit calibrate", "--trace", "--run", "--scenario", "--group",
                "--out", "--seed", "--aws-profile");
    }
}
