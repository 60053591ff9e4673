package io.streamlimit.cli;

import static io.streamlimit.cli.CliRun.execute;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertThat(result.out().lines().filter(l -> l.startsWith("   1 ")).findFirst().orElseThrow())
                .matches(" +1 +sqs .* +0 +0 +.*");
    }

    @Test
    void over_the_day_pattern_the_table_shows_each_candidate_s_p99_in_spikes_within_100_columns() throws Exception {
        // Four hours of the day pattern (0.2/s, 30 s at 50/s every hour) to keep the test short.
        CliRun result = execute("recommend", "--limit", "50", "--pattern", "day", "--base-rate", "0.2", "--spike-rate",
                "50", "--spike-seconds", "30", "--spike-every", "3600", "--duration", "14400");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches(
                "RANK VIA +RC +MC +PC BATCH +VIS RECV +LOST OVER +TIME +P99 SPIKE P99 THROTTLES +COST"));
        List<String> rows = lines.stream().filter(l -> l.matches(" +\\d+ (sqs|sns) .*")).toList();
        // Ranks 1 to 6, contiguous; each row ends in its p99, its p99 in spikes, throttles and cost.
        assertThat(rows).extracting(l -> l.trim().split(" +")[0]).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(rows).allSatisfy(row -> assertThat(row).matches(".* \\d+\\.\\ds +\\d+\\.\\ds +\\d+\\.\\ds +[\\d,]+ \\$\\d+\\.\\d{6}"));
        // Every rank the text cites is one the table shows.
        java.util.regex.Matcher cited = java.util.regex.Pattern.compile("#(\\d+)").matcher(result.out());
        while (cited.find()) {
            assertThat(Integer.parseInt(cited.group(1))).isBetween(1, 6);
        }
    }

    @Test
    void a_latency_bound_that_is_not_a_duration_is_one_line_with_exit_code_2() throws Exception {
        assertError("--max-p99: must be a duration such as 30s, 500ms, 2m or 1h, got soon",
                "recommend", "--limit", "1", "--max-p99", "soon");
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
