package io.streamlimit.cli;

import static io.streamlimit.cli.CliRun.execute;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every user mistake is one line naming the flag or key, exit code 2, found before any work:
 * no stack started, no simulation run, no report directory, no results database, no file written.
 */
class CliUserErrorTest {

    private static final String SCENARIO = "../scenarios/recommended.yaml";

    @TempDir
    Path dir;

    private Path results() {
        return dir.resolve("results");
    }

    private Path reports() {
        return dir.resolve("reports");
    }

    /** Runs a command with its own results and report directories, which a refused command must not create. */
    private CliRun refused(String... args) {
        boolean hasResults = !args[0].equals("recommend");
        String[] all = java.util.Arrays.copyOf(args, args.length + (hasResults ? 2 : 0));
        if (hasResults) {
            all[args.length] = "--results-dir";
            all[args.length + 1] = results().toString();
        }
        CliRun result = execute(all);
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err().strip().lines()).as(result.err()).hasSize(1);
        assertThat(result.err()).startsWith("error: ").doesNotContain("internal error", "Exception");
        assertThat(result.out()).isEmpty();
        assertThat(results()).as("no results database started").doesNotExist();
        assertThat(reports()).as("no report directory created").doesNotExist();
        return result;
    }

    private String withReports() {
        return reports().toString();
    }

    @Test
    void a_report_dir_that_cannot_be_created_is_refused_before_simulating() {
        assertThat(refused("simulate", SCENARIO, "--report-dir", "/proc/nope").err().strip())
                .isEqualTo("error: --report-dir: cannot create the directory /proc/nope (no such directory)");
    }

    @Test
    void a_report_dir_that_is_a_file_is_refused() throws IOException {
        Path file = Files.writeString(dir.resolve("README.md"), "a file");
        assertThat(refused("simulate", SCENARIO, "--report-dir", file.toString()).err().strip())
                .isEqualTo("error: --report-dir: " + file + " is a file, not a directory");
        assertThat(refused("run", SCENARIO, "--report-dir", file.toString()).err()).contains("--report-dir");
        assertThat(Files.readString(file)).isEqualTo("a file");
    }

    @Test
    void an_unreachable_results_database_is_refused_before_the_work_naming_the_url() {
        String url = "jdbc:postgresql://127.0.0.1:1/x";
        assertThat(refused("simulate", SCENARIO, "--results-jdbc", url, "--report-dir", withReports()).err().strip())
                .isEqualTo("error: --results-jdbc: cannot connect to " + url + " (Connection to 127.0.0.1:1 refused)");
        assertThat(refused("run", SCENARIO, "--results-jdbc", url, "--report-dir", withReports()).err())
                .contains("--results-jdbc: cannot connect to " + url);
        assertThat(refused("compare", "--results-jdbc", url).err()).contains("--results-jdbc: cannot connect to " + url);
        assertThat(refused("compare", "--results-jdbc", url + "?user=me&password=secret").err())
                .contains("cannot connect to " + url + "?user=me&password=*** (").doesNotContain("secret");
    }

    @Test
    void a_results_url_that_is_not_postgresql_is_refused_before_the_simulation() {
        assertThat(refused("simulate", SCENARIO, "--results-jdbc", "mysql://x", "--report-dir", withReports()).err().strip())
                .isEqualTo("error: --results-jdbc: must be a jdbc:postgresql: URL, got mysql://x");
    }

    @Test
    void max_minutes_must_be_positive() {
        assertThat(refused("run", SCENARIO, "--max-minutes", "-1", "--report-dir", withReports()).err().strip())
                .isEqualTo("error: --max-minutes: must be 1 or more, got -1");
        assertThat(refused("run", SCENARIO, "--max-minutes", "0", "--report-dir", withReports()).err().strip())
                .isEqualTo("error: --max-minutes: must be 1 or more, got 0");
    }

    @Test
    void too_many_events_are_refused_naming_the_flag_before_the_stack_starts() {
        assertThat(refused("run", SCENARIO, "--events", "2147483647", "--report-dir", withReports()).err().strip())
                .isEqualTo("error: --events: must be 1 to 10000000, got 2147483647");
        assertThat(refused("simulate", SCENARIO, "--events", "0", "--report-dir", withReports()).err().strip())
                .isEqualTo("error: --events: must be 1 to 10000000, got 0");
    }

    @Test
    void compare_refuses_a_report_it_cannot_write_before_loading_anything() {
        assertThat(refused("compare", "--report", "/proc/nope.html", "some-run").err().strip())
                .isEqualTo("error: --report: cannot write /proc/nope.html (no such directory)");
    }

    @Test
    void recommend_names_its_flags_not_yaml_keys() {
        assertThat(refused("recommend", "--limit", "0").err().strip()).isEqualTo("error: --limit: must be 1 or more, got 0");
        assertThat(refused("recommend", "--limit", "5", "--pattern", "rate", "--rate", "0").err().strip())
                .isEqualTo("error: --rate: must be 1 or more, got 0");
        assertThat(refused("recommend", "--limit", "5", "--pattern", "rate").err().strip())
                .isEqualTo("error: --rate: --pattern rate needs --rate N (events per second)");
        assertThat(refused("recommend", "--limit", "5", "--events", "0").err().strip())
                .isEqualTo("error: --events: must be 1 to 10000000, got 0");
    }

    @Test
    void recommend_refuses_rate_without_pattern_rate() {
        assertThat(refused("recommend", "--limit", "5", "--rate", "50").err().strip())
                .isEqualTo("error: --rate: only with --pattern rate (the pattern is burst)");
    }

    @Test
    void recommend_refuses_a_write_path_it_cannot_write_before_searching() {
        assertThat(refused("recommend", "--limit", "5", "--write", "/proc/nope.yaml").err().strip())
                .isEqualTo("error: --write: cannot write /proc/nope.yaml (no such directory)");
    }

    @Test
    void recommend_write_refuses_an_existing_file_without_force() throws IOException {
        Path existing = Files.writeString(dir.resolve("mine.yaml"), "keep me\n");

        assertThat(refused("recommend", "--limit", "5", "--write", existing.toString()).err().strip())
                .isEqualTo("error: --write: " + existing + " already exists; pass --force to replace it");
        assertThat(Files.readString(existing)).isEqualTo("keep me\n");
    }

    @Test
    void recommend_write_with_force_replaces_an_existing_file() throws IOException {
        Path existing = Files.writeString(dir.resolve("mine.yaml"), "keep me\n");

        CliRun result = execute("recommend", "--limit", "50", "--events", "100", "--pattern", "rate", "--rate", "50",
                "--write", existing.toString(), "--force");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(existing)).startsWith("name: ").contains("pipeline: sns-sqs-lambda");
        assertThat(result.out()).contains("Wrote " + existing);
    }

    @Test
    void a_directory_as_scenario_is_one_clear_line() {
        Path scenarios = Path.of("../scenarios");
        assertThat(refused("simulate", scenarios.toString(), "--report-dir", withReports()).err().strip())
                .isEqualTo("error: " + scenarios + ": is a directory, not a scenario file");
    }

    @Test
    void a_binary_file_as_scenario_is_one_clear_line() throws IOException {
        Path binary = Files.write(dir.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe});
        assertThat(refused("simulate", binary.toString(), "--report-dir", withReports()).err().strip())
                .isEqualTo("error: " + binary + ": not a text file (not UTF-8), so not a scenario file");
    }

    @Test
    void a_yaml_syntax_error_is_one_line_with_file_line_and_column() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "name: x\nevents: { total: 10\n  pipeline: [\n");
        assertThat(refused("simulate", broken.toString(), "--report-dir", withReports()).err().strip())
                .isEqualTo("error: " + broken + ":3:11: not valid YAML: expected ',' or '}', but got : (while parsing a flow mapping)");
    }

    @Test
    void up_on_a_busy_port_fails_at_once_naming_the_flag() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            int tracker;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                tracker = free.getLocalPort();
            }
            long started = System.nanoTime();
            assertThat(refused("up", "--port", Integer.toString(port), "--tracker-port", Integer.toString(tracker)).err().strip())
                    .isEqualTo("error: --port: port " + port + " is in use; stop what uses it or pick another --port");
            assertThat((System.nanoTime() - started) / 1_000_000).as("no stack started").isLessThan(2_000);
        }
    }

    @Test
    void an_unknown_option_is_one_line_pointing_to_help() {
        assertThat(refused("simulate", SCENARIO, "--frobnicate").err().strip())
                .isEqualTo("error: Unknown option: '--frobnicate' (see 'streamlimit help simulate')");
    }
}
