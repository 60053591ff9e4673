package io.streamlimit.cli;

import static io.streamlimit.cli.CliRun.execute;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recommend} over a day or a replayed file: its flags, their mistakes, its progress. */
class RecommendTrafficCliTest {

    @TempDir
    Path dir;

    @Test
    void a_replayed_file_is_searched_with_progress_and_a_winner_that_loses_nothing() throws Exception {
        Path counts = dir.resolve("counts.csv");
        Files.writeString(counts, "second,count\n0,20\n1,20\n" + lines(2, 60));

        CliRun result = execute("recommend", "--limit", "10", "--pattern", "replay", "--counts", counts.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Recommended for 40 events (replay, 40 events over 62 s) into a downstream of 10/s:");
        assertThat(result.err()).containsPattern("simulated (\\d+) of \\1 candidates \\(\\d+ stopped early");
        assertThat(result.out().lines().filter(l -> l.startsWith("1 ")).findFirst().orElseThrow())
                .matches("1 +.* +0 +0 +.*");
    }

    @Test
    void each_mistake_is_one_line_naming_the_flag_with_exit_code_2() throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "5\nlots\n");
        assertError("--base-rate: only with --pattern day, got 0.2",
                "recommend", "--limit", "1", "--pattern", "burst", "--base-rate", "0.2");
        assertError("--spike-every: required with this --pattern",
                "recommend", "--limit", "1", "--pattern", "day", "--base-rate", "0.2", "--spike-rate", "50",
                "--spike-seconds", "30");
        assertError("--spike-seconds: must be 0 to 60, got 90",
                "recommend", "--limit", "1", "--pattern", "day", "--base-rate", "0.2", "--spike-rate", "50",
                "--spike-seconds", "90", "--spike-every", "60");
        assertError("--counts: " + dir.resolve("bad.csv") + " line 2 (count): must be a whole number 0 to 100000, got 'lots'",
                "recommend", "--limit", "1", "--pattern", "replay", "--counts", dir.resolve("bad.csv").toString());
    }

    private static String lines(int from, int count) {
        StringBuilder out = new StringBuilder();
        for (int s = from; s < from + count; s++) {
            out.append(s).append(",0\n");
        }
        return out.toString();
    }

    private static void assertError(String message, String... args) {
        CliRun result = execute(args);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).endsWith(message).doesNotContain("\n");
        assertThat(result.out()).isEmpty();
    }
}
