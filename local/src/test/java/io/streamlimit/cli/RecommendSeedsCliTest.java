package io.streamlimit.cli;

import static io.streamlimit.cli.CliRun.execute;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.recommend.RankedCandidate;
import io.streamlimit.recommend.RecommendRequest;
import io.streamlimit.recommend.Recommender;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code recommend --seeds N}: the medians in the table, the winner's range under it, within 100 columns. */
class RecommendSeedsCliTest {

    @Test
    void over_three_seeds_the_table_holds_the_winner_s_medians_and_a_line_its_range() {
        CliRun result = execute("recommend", "--limit", "10", "--events", "200", "--seeds", "3");

        assertThat(result.exitCode()).as(result.err()).isZero();
        RankedCandidate winner = new Recommender().recommend(RecommendRequest.burst(10, 200).withSeeds(3)).winner();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
        assertThat(lines).contains("(each figure the median over seeds 1 to 3)");
        assertThat(lines.stream().filter(l -> l.startsWith("   1 ")).findFirst().orElseThrow())
                .contains(String.format(java.util.Locale.ROOT, " %.1fs ", winner.timeTakenSeconds()))
                .endsWith(String.format(java.util.Locale.ROOT, "$%.6f", winner.costUsd()));
        String ranges = RecommendTable.ranges(winner);
        assertThat(ranges).matches("Over seeds 1 to 3, median \\(smallest\\.\\.largest\\): time [\\d.]+s"
                + " \\([\\d.]+s\\.\\.[\\d.]+s\\), p99 [\\d.]+s \\([\\d.]+s\\.\\.[\\d.]+s\\), lost 0 \\(0\\.\\.0\\),"
                + " over the limit 0 s \\(0\\.\\.0\\), cost \\$[\\d.]+ \\(\\$[\\d.]+\\.\\.\\$[\\d.]+\\)\\.");
        assertThat(result.out()).contains(RecommendTable.wrap(ranges, "  ") + "Why: ");
    }

    @Test
    void seeds_outside_1_to_100_are_one_line_with_exit_code_2() {
        for (String seeds : new String[] {"0", "101"}) {
            CliRun result = execute("recommend", "--limit", "10", "--seeds", seeds);
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err().strip()).isEqualTo("error: --seeds: must be 1 to 100, got " + seeds);
            assertThat(result.out()).isEmpty();
        }
    }
}
