package io.streamlimit.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Figures over several seeds: the range, the median and how often each lands inside its band. */
class FidelitySpreadTest {

    /** Seed s of a made-up case: the run time is 100, 130 or 160 s; environments 10 at every seed. */
    private static FidelityReport report(long seed, Double time) {
        List<FigureComparison> figures = new ArrayList<>();
        figures.add(new FigureComparison(Figure.FIRST_TO_LAST_START, 120, time, Band.relative(0.25)));
        figures.add(new FigureComparison(Figure.ENVIRONMENTS, 10, 10.0, Band.exact()));
        figures.add(new FigureComparison(Figure.COMPLETED, 1000, 999.0 + seed, null));
        return new FidelityReport(seed, List.of(new CaseReport("made-up", "scenario", "source", "2020", figures)));
    }

    private static final FidelitySpread SPREAD =
            FidelitySpread.of(List.of(report(3, 100.0), report(4, 160.0), report(5, 130.0), report(6, null)));

    @Test
    void each_figure_has_its_range_median_and_seeds_inside_its_band() {
        FigureSpread time = SPREAD.figures().get(0);
        assertThat(time.simulated()).containsExactly(100.0, 160.0, 130.0, null);
        assertThat(time.min()).isEqualTo(100.0);
        assertThat(time.median()).isEqualTo(130.0);
        assertThat(time.max()).isEqualTo(160.0);
        assertThat(time.passes()).isEqualTo(2); // 100 and 130 are inside [90, 150]; 160 and the missing one are not
        assertThat(SPREAD.figures().get(1).passes()).isEqualTo(4);
        FigureSpread completed = SPREAD.figures().get(2);
        assertThat(completed.judged()).isFalse();
        assertThat(completed.median()).isEqualTo(1003.5); // even count: the mean of 1003 and 1004
    }

    @Test
    void the_summary_counts_figures_inside_at_every_seed_at_some_and_at_none() {
        assertThat(SPREAD.firstSeed()).isEqualTo(3);
        assertThat(SPREAD.lastSeed()).isEqualTo(6);
        assertThat(SPREAD.summary()).isEqualTo(
                "1 of 2 figures within their bands at every seed (seeds 3 to 6); 1 at some seeds only; 0 at none");
    }

    @Test
    void prints_a_table_with_one_line_per_figure_and_the_summary() {
        String table = FidelitySpreadTable.format(SPREAD);

        assertThat(table.lines().toList()).containsExactly(
                "Case     Figure                    Real  Band                  Min  Median    Max  Inside band",
                "-------  -----------------------  -----  ------------------  -----  ------  -----  -----------",
                "made-up  first -> last start (s)  120.0  ±25% [90.0, 150.0]  100.0   130.0  160.0       2 of 4",
                "made-up  environments                10  exactly 10             10      10     10       4 of 4",
                // a count's median is printed as counts are, without decimals: 1003.5 -> 1004
                "made-up  completed (events)        1000  -                    1002    1004   1005            -",
                SPREAD.summary());
    }

    @Test
    void json_carries_every_seed_value_and_the_counts() throws Exception {
        JsonNode json = new ObjectMapper().readTree(FidelityJson.write(SPREAD));

        assertThat(json.get("firstSeed").asLong()).isEqualTo(3);
        assertThat(json.get("alwaysInside").asLong()).isEqualTo(1);
        assertThat(json.get("neverInside").asLong()).isZero();
        JsonNode time = json.get("figures").get(0);
        assertThat(time.get("figure").asText()).isEqualTo("firstToLastStartSeconds");
        assertThat(time.get("simulated").toString()).isEqualTo("[100.0,160.0,130.0,null]");
        assertThat(time.get("insideBand").asInt()).isEqualTo(2);
        assertThat(time.get("bandLow").asDouble()).isEqualTo(90.0);
        assertThat(json.get("figures").get(2).get("insideBand").isNull()).isTrue();
    }

    @Test
    void reports_of_different_figures_are_refused() {
        FidelityReport other = new FidelityReport(4, List.of(new CaseReport("made-up", "scenario", "source", "2020",
                List.of(new FigureComparison(Figure.FAILED, 0, 0.0, Band.exact())))));

        assertThatThrownBy(() -> FidelitySpread.of(List.of(report(3, 100.0), other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("firstToLastStartSeconds");
    }
}
