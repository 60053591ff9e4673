package io.streamlimit.cli;

import static io.streamlimit.cli.CliRun.execute;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.scenario.Scenario;
import io.streamlimit.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recommend} searches SnapStart and explains a winner that uses it (issue 26). */
class RecommendSnapStartCliTest {

    @TempDir
    Path dir;

    @Test
    void a_burst_at_50_a_second_wins_with_snapstart_explained_under_the_table_and_written_as_the_key() throws Exception {
        Path written = dir.resolve("winner.yaml");
        CliRun result = execute("recommend", "--limit", "50", "--events", "1000", "--write", written.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        // The table and its notes fit 100 columns (the closing "Wrote <temp path>" line names a long path).
        assertThat(lines).filteredOn(line -> !line.startsWith("Wrote "))
                .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
        // PC, the fifth column, is "S" for the winner: SnapStart, no provisioned concurrency.
        assertThat(lines.stream().filter(l -> l.startsWith("   1 ")).findFirst().orElseThrow().trim().split(" +")[4])
                .isEqualTo("S");
        assertThat(result.out()).contains("(S: SnapStart instead)", "SnapStart (PC S): #1",
                "SnapStart restores each new environment from the snapshot");

        Scenario winner = ScenarioLoader.load(written);
        assertThat(winner.consumer().snapStart()).isTrue();
        assertThat(winner.consumer().provisionedConcurrency()).isZero();
        assertThat(Files.readString(written)).contains("snapStart: true");
    }

    @Test
    void under_the_2020_profile_snapstart_is_not_searched() {
        CliRun result = execute("recommend", "--limit", "50", "--events", "1000", "--aws-profile", "2020");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).doesNotContain("SnapStart (PC S)");
        assertThat(result.out().lines().filter(l -> l.matches(" {3}\\d .*")).map(l -> l.trim().split(" +")[4]))
                .doesNotContain("S");
    }
}
