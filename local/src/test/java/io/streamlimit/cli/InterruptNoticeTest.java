package io.streamlimit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C during a simulation says in one line that the run was interrupted and not saved. */
class InterruptNoticeTest {

    @TempDir
    Path dir;

    @Test
    void sigint_during_simulate_says_the_run_was_not_saved() throws Exception {
        Path results = dir.resolve("results");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Scenario 04 throttles on every event: a million of them take tens of seconds to simulate.
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), StreamlimitCli.class.getName(),
                "simulate", "../scenarios/04-sqs-rc1-high-visibility.yaml", "--events", "1000000",
                "--results-dir", results.toString(), "--report-dir", dir.resolve("reports").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> err = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(err::add);
            } catch (IOException e) {
                err.add("reader failed: " + e);
            }
        });
        reader.start();
        try {
            // The first tenth simulated: nine tenths, and the saving, are still to come.
            await().atMost(Duration.ofMinutes(2)).until(() -> err.stream().anyMatch(l -> l.startsWith("simulated ")));
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
            reader.join(10_000);
        } finally {
            process.destroyForcibly();
        }

        assertThat(process.exitValue()).isEqualTo(130);
        assertThat(err).contains(
                "interrupted: run sim-sqs-rc1-high-visibility-seed1-events1000000-aws-2020 was interrupted and not saved");
        assertThat(err).noneMatch(l -> l.contains("error") || l.contains("Exception"));
        assertThat(results).as("no database was started, nothing saved").doesNotExist();
        assertThat(dir.resolve("reports").resolve("sim-sqs-rc1-high-visibility-seed1-events1000000-aws-2020.html")).doesNotExist();
    }
}
