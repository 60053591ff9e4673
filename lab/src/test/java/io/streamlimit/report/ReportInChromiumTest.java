package io.streamlimit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.results.RunData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports as a browser shows them: Debian's Chromium, headless, with no network. */
class ReportInChromiumTest {

    private HeadlessChromium chromium;

    /** Per test, not per class: surefire then lists each test as skipped, with the reason. */
    @BeforeEach
    void findChromium() {
        chromium = HeadlessChromium.find();
    }

    @Test
    void chromium_builds_every_chart_of_the_report_with_drawn_series(@TempDir Path dir) throws Exception {
        Path page = new HtmlReport().write(SampleRuns.throttledRun("browser", 300), dir.resolve("report.html"));

        String dom = chromium.dumpDom(page);

        assertThat(dom).contains("<table class=\"metrics\" id=\"metrics-table\">");
        for (String id : HtmlReportTest.CHART_IDS) {
            String svg = Svg.chart(dom, id);
            assertThat(Svg.pathData(svg, "series")).as("the series of %s", id).matches("M[\\d.]+ [\\d.]+H.*");
            assertThat(Svg.pathData(svg, "area")).as("the area of %s", id).endsWith("Z");
            assertThat(svg).contains("<rect class=\"plot\"", "seconds since the first event");
        }
        assertThat(Svg.chart(dom, "chart-inserts")).contains("<line class=\"limit\"");
    }

    @Test
    void the_screenshot_shows_the_inserts_and_the_limit_in_colour(@TempDir Path dir) throws Exception {
        Path page = new HtmlReport().write(SampleRuns.throttledRun("browser", 300), dir.resolve("report.html"));

        BufferedImage image = ImageIO.read(chromium.screenshot(page, dir.resolve("report.png"), 1000, 2200).toFile());

        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(countPixels(image, 0x1f77b4, 40)).as("pixels of the inserts line (blue)").isGreaterThan(300);
        assertThat(countPixels(image, 0xd62728, 40)).as("pixels of the limit line (red)").isGreaterThan(100);
        assertThat(countPixels(image, 0x2ca02c, 40)).as("pixels of the busy instances line (green)").isGreaterThan(300);
    }

    @Test
    void chromium_builds_the_comparison_with_one_chart_per_run(@TempDir Path dir) throws Exception {
        List<RunData> runs = List.of(SampleRuns.throttledRun("slow", 200), SampleRuns.fastRun("fast", 100));
        Path page = new ComparisonReport().write(runs, dir.resolve("comparison.html"));

        String dom = chromium.dumpDom(page);

        for (String kind : ComparisonReportTest.KINDS) {
            assertThat(Svg.pathData(Svg.chart(dom, "chart-" + kind + "-0"), "series")).startsWith("M");
            if (ComparisonReportTest.DRAWN_FOR_FAST.contains(kind)) {
                assertThat(Svg.pathData(Svg.chart(dom, "chart-" + kind + "-1"), "series")).startsWith("M");
            } else {
                assertThat(Svg.chart(dom, "chart-" + kind + "-1")).contains("chart-empty", "none in this run");
            }
        }
    }

    @Test
    void a_comparison_of_a_1_per_second_run_with_a_50_per_second_run_draws_both_readably(@TempDir Path dir) throws Exception {
        List<RunData> runs = List.of(SampleRuns.steadyRun("sim-sqs-rc1-high-visibility-seed1-aws-2020", 1, 1_000),
                SampleRuns.steadyRun("sim-recommended-seed1", 50, 20));
        Path page = measured(new ComparisonReport().write(runs, dir.resolve("comparison.html")));

        Map<String, Measure> charts = measure(chromium.dumpDom(page));

        for (String kind : ComparisonReportTest.KINDS) {
            for (int i = 0; i < runs.size(); i++) {
                Measure chart = charts.get("chart-" + kind + "-" + i);
                assertThat(chart).as("chart-%s-%d as laid out", kind, i).isNotNull();
                assertThat(chart.seriesWidth() / chart.plotWidth()).as("width share of chart-%s-%d", kind, i).isGreaterThan(0.9);
                assertThat(chart.areaHeight() / chart.plotHeight()).as("height share of chart-%s-%d", kind, i).isGreaterThan(0.4);
                assertThat(chart.lastLabelRight()).as("last x label of chart-%s-%d", kind, i).isLessThanOrEqualTo(chart.width());
                assertThat(chart.titleRight()).as("title of chart-%s-%d", kind, i).isLessThanOrEqualTo(chart.width());
            }
        }
    }

    @Test
    void a_day_long_chart_labels_its_time_axis_in_hours_and_keeps_the_last_label_inside(@TempDir Path dir) throws Exception {
        long[] values = new long[100_000];
        Arrays.fill(values, 3);
        Path html = dir.resolve("long.html");
        Files.writeString(html, Page.frame("long", new SvgChart("chart-long", "throttles", "long", "per s", values).render()));

        Measure chart = measure(chromium.dumpDom(measured(html))).get("chart-long");

        assertThat(chart.labels()).isEqualTo("0,5,10,15,20,25");
        assertThat(chart.lastLabelRight()).isLessThanOrEqualTo(chart.width());
        assertThat(chart.seriesWidth() / chart.plotWidth()).isGreaterThan(0.99);
    }

    /** What the browser laid out for one chart, in the svg's own units. */
    private record Measure(double width, double plotWidth, double plotHeight, double seriesWidth, double areaHeight,
                           double lastLabelRight, double titleRight, String labels) {
    }

    /**
     * A copy of the page with a script that measures each chart's laid-out parts into a {@code <pre>}
     * for --dump-dom; the reports themselves carry no script.
     */
    private static Path measured(Path page) throws IOException {
        String script = """
                <pre id="measured"></pre><script>
                document.getElementById('measured').textContent = [...document.querySelectorAll('svg.chart')].map(svg => {
                  const box = sel => { const e = svg.querySelector(sel); return e ? e.getBBox() : {width: 0, height: 0}; };
                  const labels = [...svg.querySelectorAll('g.x-axis text:not(.axis-label)')];
                  const last = labels[labels.length - 1].getBBox();
                  return [svg.id, svg.viewBox.baseVal.width, box('rect.plot').width, box('rect.plot').height,
                          box('path.series').width, Math.max(box('path.area').height, box('path.band').height),
                          last.x + last.width,
                          box('text.chart-title').x + box('text.chart-title').width,
                          labels.map(l => l.textContent).join(',')].join(';');
                }).join('\\n');
                </script>
                """;
        String html = Files.readString(page);
        Path copy = page.resolveSibling("measured-" + page.getFileName());
        Files.writeString(copy, html.replace("</body>", script + "</body>"));
        return copy;
    }

    private static Map<String, Measure> measure(String dom) {
        int from = dom.indexOf("<pre id=\"measured\">");
        assertThat(from).as("the measurements in the dumped DOM").isNotNegative();
        String text = dom.substring(from + "<pre id=\"measured\">".length(), dom.indexOf("</pre>", from));
        Map<String, Measure> charts = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.split(";", -1);
            charts.put(f[0], new Measure(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]), f[8]));
        }
        return charts;
    }

    private static int countPixels(BufferedImage image, int rgb, int tolerance) {
        return Pixels.count(image, rgb, tolerance, 0, image.getHeight());
    }
}
