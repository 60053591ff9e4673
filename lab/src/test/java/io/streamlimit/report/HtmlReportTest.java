package io.streamlimit.report;

import static io.streamlimit.metrics.RunDataBuilder.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.metrics.Metric;
import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.RunDataBuilder;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    static final String[] CHART_IDS = {"chart-completed", "chart-inserts", "chart-backlog", "chart-busy", "chart-throttles",
        "chart-dlq", "chart-redeliveries"};

    @Test
    void report_has_every_metric_with_designs_name_and_the_run_values() {
        RunData data = SampleRuns.throttledRun("r1", 300);
        RunMetrics metrics = new MetricsCalculator().compute(data);

        String html = new HtmlReport().render(data, metrics);

        for (Metric metric : Metric.values()) {
            assertThat(html).contains("<tr data-key=\"" + metric.jsonKey() + "\"><th>" + metric.label()
                    + "</th><td>" + metric.display(metrics).replace("&", "&amp;") + "</td></tr>");
        }
    }

    @Test
    void report_has_a_drawn_chart_for_each_per_second_series() {
        String html = new HtmlReport().render(SampleRuns.throttledRun("r1", 300));

        for (String id : CHART_IDS) {
            String svg = Svg.chart(html, id);
            assertThat(svg).contains("class=\"chart ", "<g class=\"axis x-axis\">", "<g class=\"axis y-axis\">",
                    "seconds since the first event");
            assertThat(Svg.pathData(svg, "series")).startsWith("M").contains("H");
        }
    }

    @Test
    void inserts_chart_draws_the_downstream_limit_as_a_line() {
        RunData data = SampleRuns.fastRun("r5", 100); // limit 5/s

        String svg = Svg.chart(new HtmlReport().render(data), "chart-inserts");

        assertThat(svg).containsPattern("<line class=\"limit\" x1=\"\\d+\" x2=\"\\d+\" y1=\"[\\d.]+\" y2=\"[\\d.]+\"/>")
                .contains("limit 5/s");
        assertThat(Svg.yTickLabels(svg)).contains("5");
    }

    @Test
    void report_is_self_contained_and_fetches_nothing() {
        String html = new HtmlReport().render(SampleRuns.throttledRun("r1", 100));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>")
                .doesNotContain("http://", "https://", "<script", "<link", "<img", "src=", "url(", "@import");
    }

    @Test
    void configuration_is_shown_indented_and_escaped() {
        String html = new HtmlReport().render(SampleRuns.throttledRun("r1", 50));

        assertThat(html).contains("<section id=\"configuration\">")
                .contains("&quot;queue&quot; : {\n    &quot;visibilityTimeoutSeconds&quot; : 10,")
                .contains("&lt;b&gt;escaped&lt;/b&gt; &amp; kept")
                .doesNotContain("<b>escaped</b>");
    }

    @Test
    void a_run_of_a_hundred_thousand_seconds_is_drawn_with_at_most_a_thousand_points_per_chart() {
        RunDataBuilder builder = run("long").limit(1).totalEvents(100_000);
        for (int i = 0; i < 100_000; i++) {
            long start = i * 1_000L + 100;
            builder.invoke("b" + i, start, 800).row(i, 0, start, start + 800, "b" + i);
        }
        builder.row(100_000, 0, 50_000_200, 50_000_300, "spike").row(100_001, 0, 50_000_400, 50_000_500, "spike");
        builder.event(PipelineEventKind.DLQ, 99_999_000, 7L);
        RunData data = builder.build();

        long started = System.nanoTime();
        String html = new HtmlReport().render(data);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("HtmlReport: %,d seconds, %,d rows rendered in %,d ms, %,d bytes%n",
                100_000, data.invocations().size(), millis, html.length());

        for (String id : CHART_IDS) {
            String svg = Svg.chart(html, id);
            if (id.equals("chart-throttles") || id.equals("chart-redeliveries")) { // none in this run: one line
                assertThat(svg).contains("chart-empty", "height=\"" + SvgChart.EMPTY_HEIGHT + "\"", "none in this run");
                continue;
            }
            assertThat(Svg.attribute(svg, "data-points")).isLessThanOrEqualTo(1_000);
            assertThat(Svg.count(Svg.pathData(svg, "series"), 'H')).isLessThanOrEqualTo(1_000);
        }
        // The one second with three inserts stays visible after downsampling: the y axis reaches it.
        assertThat(Svg.yTickLabels(Svg.chart(html, "chart-inserts"))).last().isEqualTo("5");
    }

    @Test
    void a_run_with_no_rows_renders_empty_charts() {
        String html = new HtmlReport().render(run("empty").totalEvents(10).build());

        assertThat(Svg.chart(html, "chart-inserts")).contains("chart-empty", "no data");
    }

    @Test
    void report_is_written_to_the_given_file(@TempDir Path dir) throws Exception {
        Path file = new HtmlReport().write(SampleRuns.fastRun("r5", 20), dir.resolve("reports/r5.html"));

        assertThat(Files.readString(file)).contains("<h1>Run r5</h1>");
    }

    @Test
    void with_a_twin_the_inserts_chart_draws_both_series_with_a_legend_and_the_table_both_columns() {
        RunDataBuilder local = run("local-1").scenario("05-sqs-rc5-high-visibility").mode("local").limit(5).totalEvents(20);
        for (int i = 0; i < 20; i++) { // 4 a second for 5 seconds
            long start = 100 + (i / 4) * 1_000L;
            local.invoke("b" + i, start, 900).row(i, 0, start + 5, start + 900, "b" + i);
        }
        RunData measured = local.build();
        RunData simulated = SampleRuns.fastRun("local-1-twin", 20); // 5 a second for 4 seconds
        MetricsCalculator calculator = new MetricsCalculator();
        RunMetrics measuredMetrics = calculator.compute(measured);
        Twin twin = new Twin(simulated, calculator.compute(simulated));

        String html = new HtmlReport().render(measured, measuredMetrics, twin);

        String inserts = Svg.chart(html, "chart-inserts");
        // y: 0..5 over 168 px up from 196, so 4/s at 61.6 and 5/s at 28. x: the measured run's 6 seconds
        // (its last completion falls in the sixth) over 880 px from 64; the twin's 5 end a second earlier.
        assertThat(Svg.pathData(inserts, "series")).isEqualTo("M64 61.6H210.7V61.6H357.3V61.6H504V61.6H650.7V61.6H797.3V196H944");
        assertThat(Svg.pathData(inserts, "twin")).isEqualTo("M64 28H210.7V28H357.3V28H504V28H650.7V196H797.3");
        assertThat(inserts).contains("<g class=\"legend\">",
                "<line class=\"series\" x1=\"564\" x2=\"584\" y1=\"14\" y2=\"14\"/>"
                        + "<text class=\"legend-label\" x=\"590\" y=\"18\">measured (local)</text>",
                "<line class=\"twin\" x1=\"714\" x2=\"734\" y1=\"14\" y2=\"14\"/>"
                        + "<text class=\"legend-label\" x=\"740\" y=\"18\">simulated (model)</text>");
        // The completed chart draws the twin too: none applied in second 0, then 4 of 20 (20 %) more by
        // the end of each second against 5 (25 %), both reaching 100 % (y 0..100 % over 168 px up from 196).
        String completed = Svg.chart(html, "chart-completed");
        assertThat(Svg.pathData(completed, "twin")).isEqualTo("M64 196H210.7V154H357.3V112H504V70H650.7V28H797.3");
        assertThat(Svg.pathData(completed, "series"))
                .isEqualTo("M64 196H210.7V162.4H357.3V128.8H504V95.2H650.7V61.6H797.3V28H944");
        for (String id : CHART_IDS) {
            if (!id.equals("chart-inserts") && !id.equals("chart-completed")) {
                assertThat(Svg.chart(html, id)).as(id).doesNotContain("class=\"twin\"", "class=\"legend\"");
            }
        }
        assertThat(html).contains("<thead><tr><th>Metric</th><th>Measured</th><th>Simulated</th></tr></thead>",
                "simulated twin <b>local-1-twin</b>");
        for (Metric metric : Metric.values()) {
            assertThat(html).contains("<tr data-key=\"" + metric.jsonKey() + "\"><th>" + metric.label() + "</th><td>"
                    + metric.display(measuredMetrics).replace("&", "&amp;") + "</td><td>"
                    + metric.display(twin.metrics()).replace("&", "&amp;") + "</td></tr>");
        }
    }

    @Test
    void without_a_twin_the_report_is_the_one_run_report() {
        RunData data = SampleRuns.throttledRun("r1", 100);
        RunMetrics metrics = new MetricsCalculator().compute(data);

        String html = new HtmlReport().render(data, metrics, null);

        assertThat(html).isEqualTo(new HtmlReport().render(data, metrics))
                .doesNotContain("class=\"twin\"", "class=\"legend\"", "simulated twin", "<th>Simulated</th>")
                .contains("<thead><tr><th>Metric</th><th>Value</th></tr></thead>");
    }
}
