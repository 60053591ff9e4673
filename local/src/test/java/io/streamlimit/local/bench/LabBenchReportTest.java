package io.streamlimit.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.local.bench.BenchResults.LabFigures;
import io.streamlimit.local.bench.BenchResults.LabRecommend;
import io.streamlimit.local.bench.BenchResults.LabSimulation;
import org.junit.jupiter.api.Test;

/** Section 7 of the bench, the lab at scale: its lines, its JSON and its three targets. */
class LabBenchReportTest {

    private static BenchResults withLab(double throttledWall, long winnerLost) {
        BenchResults r = BenchReportTest.results(250, 1.2, 4.0, true);
        LabFigures lab = new LabFigures(
                new LabSimulation("sqs-rc1-high-visibility", 1_000_000, 6, 4.1, 3_076_696, 9, throttledWall, 8, 900),
                new LabSimulation("recommended", 1_000_000, 1, 0.5, 1_100_000, 5, 6, 2, 400),
                new LabRecommend(53_136, 86_400, 8.5, 7, 19, 9, "sns-lambda, reserved concurrency 1", winnerLost, 0, 270));
        return new BenchResults(r.machine(), r.quick(), r.elapsedSeconds(), r.dynamoDb(), r.ledger(), r.pipeline(),
                r.checkApi(), r.simulator(), r.tracker(), lab);
    }

    @Test
    void the_table_shows_both_simulations_and_the_day_and_the_targets_say_met_or_missed() {
        String table = BenchReport.table(withLab(25, 0));

        assertThat(table).contains("7. The lab at scale", "sqs-rc1-high-visibility, 1,000,000 events", "25.0 s wall",
                "3,076,696 rows, peak heap 900 MB", "recommend --limit 1, 53,136 events over 86,400 s",
                "winner lost 0, over 0 s");
        assertThat(table.lines().filter(l -> l.contains("lab: 10^6 events of 04")).findFirst().orElseThrow())
                .contains("25.00").endsWith("MISSED");
        assertThat(table.lines().filter(l -> l.contains("lab: 10^6 events of recommended")).findFirst().orElseThrow())
                .endsWith("met");
        assertThat(table.lines().filter(l -> l.contains("lab: recommend")).findFirst().orElseThrow())
                .contains("8.50").endsWith("met");
    }

    @Test
    void a_winner_that_loses_events_misses_the_day_target_and_the_json_has_every_lab_figure() throws Exception {
        BenchResults r = withLab(15, 3);

        assertThat(BenchReport.targets(r)).filteredOn(t -> t.key().equals("labRecommendDayWallSeconds"))
                .singleElement().satisfies(t -> assertThat(t.met()).isFalse());
        JsonNode root = new ObjectMapper().readTree(BenchReport.json(r));
        assertThat(root.at("/lab/throttled/totalWallSeconds").asDouble()).isEqualTo(15);
        assertThat(root.at("/lab/recommend/winnerLost").asLong()).isEqualTo(3);
        assertThat(root.at("/targets/labThrottledMillionWallSeconds/met").asBoolean()).isTrue();
        assertThat(BenchReport.table(BenchReportTest.results(250, 1.2, 4.0, true))).doesNotContain("7. The lab");
    }
}
