package io.streamlimit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.results.RunData;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonReportTest {

    static final String[] KINDS = {"completed", "inserts", "backlog", "throttles", "dlq", "redeliveries"};
    /** What the fast run (no throttle, no redelivery, nothing dead-lettered) has to draw. */
    static final List<String> DRAWN_FOR_FAST = List.of("completed", "inserts", "backlog");

    private final List<RunData> runs = List.of(SampleRuns.throttledRun("slow", 300), SampleRuns.fastRun("fast", 200));

    @Test
    void metrics_table_has_one_column_per_run() {
        String html = new ComparisonReport().render(runs);

        assertThat(html).contains("<th>slow (03-sqs-rc1-low-visibility, simulate)</th>",
                "<th>fast (05-sqs-rc5-high-visibility, simulate)</th>");
        assertThat(html).containsPattern("<tr data-key=\"totalEvents\"><th>Total events</th><td>300</td><td>200</td></tr>");
    }

    @Test
    void each_series_has_one_panel_per_run_and_the_page_says_the_scales_are_each_panels_own() {
        String html = new ComparisonReport().render(runs);

        assertThat(html).contains("each on its own scales", "<h2>Throttles per second</h2>", "<h2>DLQ arrivals per second</h2>",
                "<h2>Redeliveries per second</h2>");
        for (String kind : KINDS) {
            for (int i = 0; i < runs.size(); i++) {
                String svg = Svg.chart(html, "chart-" + kind + "-" + i);
                if (i == 1 && !DRAWN_FOR_FAST.contains(kind)) {
                    assertThat(svg).contains("class=\"chart chart-" + kind + " chart-empty\"", "none in this run",
                            "height=\"" + SvgChart.EMPTY_HEIGHT + "\"");
                    continue;
                }
                assertThat(svg).contains("class=\"chart chart-" + kind + "\"", "width=\"480\"");
                assertThat(Svg.pathData(svg, "series")).as("%s of run %d", kind, i).startsWith("M");
            }
        }
    }

    @Test
    void a_panel_is_titled_by_its_run_id_shortened_to_fit_and_captioned_with_the_whole_header() {
        String id = "sim-sqs-rc1-high-visibility-seed1-aws-2020-and-a-long-tail";
        String html = new ComparisonReport().render(List.of(SampleRuns.fastRun(id, 20)));

        String title = ComparisonReport.panelTitle(id);
        assertThat(title).hasSize(44).endsWith("\u2026").startsWith("sim-sqs-rc1-high-visibility-seed1-aws-2020");
        assertThat(Svg.chart(html, "chart-inserts-0")).contains("<text class=\"chart-title\" x=\"64\" y=\"18\">" + title + "</text>");
        assertThat(html).contains("<figcaption>" + id + " (05-sqs-rc5-high-visibility, simulate)</figcaption>");
        assertThat(ComparisonReport.panelTitle("fast")).isEqualTo("fast");
    }

    @Test
    void a_1_per_second_run_and_a_50_per_second_run_each_fill_their_own_axes() {
        String html = new ComparisonReport().render(List.of(SampleRuns.steadyRun("one", 1, 1_000),
                SampleRuns.steadyRun("fifty", 50, 20)));

        String one = Svg.chart(html, "chart-inserts-0");
        String fifty = Svg.chart(html, "chart-inserts-1");
        assertThat(Svg.yTickLabels(one)).last().isEqualTo("1");
        assertThat(Svg.yTickLabels(fifty)).last().isEqualTo("50");
        // 1,000 s on a 400 px plot: 100 points of 10 s, each the mean, so 1/s reads as a line at 1, not a barcode.
        assertThat(one).contains(">seconds since the first event \u00b7 mean per 10 s; band: peak second</text>", ">1000</text>");
        assertThat(fifty).contains(">seconds since the first event \u00b7 one point per second</text>", ">20</text>");
    }

    @Test
    void a_series_the_run_did_not_record_shows_no_data_not_a_flat_zero() {
        String html = new ComparisonReport().render(List.of(SampleRuns.rowsOnlyRun("rows", 30), SampleRuns.fastRun("fast", 50)));

        assertThat(Svg.pathData(Svg.chart(html, "chart-inserts-0"), "series")).startsWith("M");
        for (String kind : List.of("throttles", "dlq", "redeliveries")) {
            assertThat(Svg.chart(html, "chart-" + kind + "-0")).contains(">not recorded for this run</tspan>");
            // The other run recorded its pipeline events: none there is a real zero, said as such.
            assertThat(Svg.chart(html, "chart-" + kind + "-1")).contains(">none in this run</tspan>")
                    .doesNotContain("not recorded");
        }
    }
}
