package io.streamlimit.cli;

import static io.streamlimit.cli.CliRun.execute;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code recommend} ranks on the cost as deployed and shows the standing charges per day (issue 26). */
class RecommendDeployedCostCliTest {

    @Test
    void a_burst_at_a_limit_of_1_does_not_win_on_provisioned_concurrency_it_pays_for_all_day() {
        CliRun result = execute("recommend", "--limit", "1", "--events", "1000", "--pattern", "burst");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
        // PC, the fifth column, is "-" for the winner: no provisioned concurrency.
        assertThat(lines.stream().filter(l -> l.startsWith("   1 ")).findFirst().orElseThrow().trim().split(" +")[4])
                .isEqualTo("-");
        // A stream of one shard wins (issue 24): one batch at a time, no throttle; its shard is paid all day.
        assertThat(lines.stream().filter(l -> l.startsWith("   1 ")).findFirst().orElseThrow().trim().split(" +")[1])
                .isEqualTo("kin");
        // 1 environment x 0.5 GB x 86,400 s x $0.0000033334 (arm64); 24 shard-hours x $0.015.
        assertThat(result.out()).contains("Standing charges per day, paid while deployed", "arm64", "$0.144003",
                "#1 $0.360000", "COST: as deployed for this traffic");
        // The provisioned SQS configuration is no faster than its twin and pays for its environment all day.
        assertThat(result.out()).containsPattern("#\\d: slower: 1\\d{3}\\.\\d s against 1031\\.1 s");
    }
}
