package io.streamlimit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.results.RunData;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonReportTest {

    private final List<RunData> runs = List.of(SampleRuns.throttledRun("slow", 300), SampleRuns.fastRun("fast", 200));

    @Test
    void metrics_table_has_one_column_per_run() {
        String html = new ComparisonReport().render(runs);

        assertThat(html).contains("<th>slow (03-sqs-rc1-low-visibility, simulate)</th>",
                "<th>fast (05-sqs-rc5-high-visibility, simulate)</th>");
        assertThat(html).containsPattern("<tr data-key=\"totalEvents\"><th>Total events</th><td>300</td><td>200</td></tr>");
    }

    @Test
    void insert_charts_are_stacked_on_the_same_scales() {
        String html = new ComparisonReport().render(runs);

        String slow = Svg.chart(html, "chart-inserts-0");
        String fast = Svg.chart(html, "chart-inserts-1");
        assertThat(Svg.pathData(slow, "series")).isNotEmpty();
        assertThat(Svg.pathData(fast, "series")).isNotEmpty();
        assertThat(Svg.yTickLabels(slow)).isEqualTo(Svg.yTickLabels(fast));
        String axis = "<g class=\"axis x-axis\">";
        assertThat(slow.substring(slow.indexOf(axis), slow.indexOf("</g>", slow.indexOf(axis))))
                .as("the same time axis")
                .isEqualTo(fast.substring(fast.indexOf(axis), fast.indexOf("</g>", fast.indexOf(axis))));
    }
}
