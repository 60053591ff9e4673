package io.streamlimit.cli;

import static io.streamlimit.cli.CliRun.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --seeds N}: each metric's median and range, as a table or one JSON object. */
class SimulateSeedsTest {

    private static String scenario() {
        return "../scenarios/05-sqs-rc5-high-visibility.yaml";
    }

    @Test
    void prints_median_min_and_max_per_metric_and_saves_nothing(@TempDir Path dir) {
        Path reports = dir.resolve("reports");
        CliRun result = execute("simulate", scenario(), "--seeds", "3", "--events", "100",
                "--report-dir", reports.toString(), "--results-dir", dir.resolve("results").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().findFirst().orElseThrow()).matches("Metric +Median +Min +Max");
        assertThat(result.out()).containsPattern("(?m)^Events completed +100 +100 +100$");
        assertThat(result.out()).containsPattern("3 seeds \\(1 to 3\\)\nOrder violations \\(events applied after a"
                + " later-arrived event of their viewer\\), seed by seed: \\d+, \\d+, \\d+\n$");
        assertThat(Files.exists(reports)).isFalse();
        assertThat(Files.exists(dir.resolve("results"))).isFalse();
    }

    @Test
    void json_is_one_object_with_a_value_per_seed() throws Exception {
        CliRun result = execute("simulate", scenario(), "--seeds", "2", "--seed", "7", "--events", "100", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().strip().lines()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertThat(json.get("firstSeed").asLong()).isEqualTo(7);
        assertThat(json.get("lastSeed").asLong()).isEqualTo(8);
        assertThat(json.get("metrics").get("eventsCompleted").get("values")).hasSize(2);
        assertThat(json.get("metrics").get("timeTakenSeconds").get("median").isNumber()).isTrue();
    }

    @Test
    void seeds_out_of_range_are_one_line_exit_2() {
        CliRun result = execute("simulate", scenario(), "--seeds", "101");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip()).isEqualTo("error: --seeds: must be 1 to 100, got 101");
    }
}
