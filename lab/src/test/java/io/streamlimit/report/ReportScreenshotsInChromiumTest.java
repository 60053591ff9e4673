package io.streamlimit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.results.RunData;
import io.streamlimit.scenario.DayTraffic;
import io.streamlimit.scenario.EventsSpec;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.sim.Scenarios;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.Simulator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The run, comparison and day reports of simulated runs as Chromium draws them, kept as PNGs in
 * {@code target/report-screenshots/} for a person to look at, and checked for what a reader acts on:
 * the twin line visible over a measurement at the limit, every chart saying how it aggregates its
 * seconds, and no chart drawn at full height with nothing in it.
 */
class ReportScreenshotsInChromiumTest {

    private static final Path SHOTS = Path.of("target", "report-screenshots");
    /** The twin's colour (Page's stylesheet). */
    private static final int TWIN_ORANGE = 0xff7f0e;

    private HeadlessChromium chromium;

    @BeforeEach
    void findChromium() throws IOException {
        chromium = HeadlessChromium.find();
        Files.createDirectories(SHOTS);
    }

    @Test
    void the_run_report_shows_the_twin_over_a_run_paced_at_its_limit() throws Exception {
        // 04 runs at its limit of 1/s; the twin (another seed) does too, exactly on the limit line.
        RunData measured = simulate("04-sqs-rc1-high-visibility.yaml", 300, 1, "measured-04");
        RunData twin = simulate("04-sqs-rc1-high-visibility.yaml", 300, 2, "twin-04");
        MetricsCalculator calculator = new MetricsCalculator();
        Path page = new HtmlReport().write(measured, calculator.compute(measured), new Twin(twin, calculator.compute(twin)),
                SHOTS.resolve("run.html"));

        BufferedImage png = ImageIO.read(chromium.screenshot(page, SHOTS.resolve("run.png"), 1000, 2400).toFile());
        Layout layout = Layout.of(chromium.dumpDom(Layout.measured(page)));

        // The completed chart's twin and the inserts chart's twin, each a 2.5 px line hundreds of pixels long.
        assertThat(countPixels(png, TWIN_ORANGE, 30)).as("pixels of the twin lines (orange)").isGreaterThan(1_000);
        assertThat(inRows(png, TWIN_ORANGE, layout.top("chart-inserts"), layout.bottom("chart-inserts")))
                .as("twin pixels inside the inserts chart, where the twin runs on the limit line").isGreaterThan(500);
        layout.assertEveryChartLabelsItsAggregationAndNoneIsEmptyAtFullHeight();
    }

    @Test
    void the_comparison_report_labels_every_panel_and_collapses_those_with_nothing_to_draw() throws Exception {
        List<RunData> runs = List.of(simulate("02-sns-rc1.yaml", 200, 1, "sim-02"),
                simulate("03-sqs-rc1-low-visibility.yaml", 200, 1, "sim-03"),
                simulate("recommended.yaml", 1_000, 1, "sim-recommended"));
        Path page = new ComparisonReport().write(runs, SHOTS.resolve("comparison.html"));

        chromium.screenshot(page, SHOTS.resolve("comparison.png"), 1500, 2400);
        Layout layout = Layout.of(chromium.dumpDom(Layout.measured(page)));

        layout.assertEveryChartLabelsItsAggregationAndNoneIsEmptyAtFullHeight();
        // recommended neither throttles, redelivers nor dead-letters: those three panels are one line each.
        assertThat(layout.emptyIds()).contains("chart-throttles-2", "chart-redeliveries-2", "chart-dlq-2");
    }

    @Test
    void the_day_report_draws_the_mean_with_the_peak_as_a_band_and_says_so() throws Exception {
        // A day of 0.2/s with 30 s at 50/s every hour, into the recommended configuration.
        Scenario recommended = Scenarios.load("recommended.yaml");
        Scenario day = new Scenario("day", "a day", EventsSpec.of(DayTraffic.of(0.2, 50, 30, 3_600, 86_400)),
                recommended.pipeline(), recommended.queue(), recommended.consumer(), recommended.downstream());
        RunData data = Simulator.run(day, SimulationOptions.seed(1).withRunId("sim-day")).runData();
        Path page = new HtmlReport().write(data, SHOTS.resolve("day.html"));

        chromium.screenshot(page, SHOTS.resolve("day.png"), 1000, 2400);
        Layout layout = Layout.of(chromium.dumpDom(Layout.measured(page)));

        layout.assertEveryChartLabelsItsAggregationAndNoneIsEmptyAtFullHeight();
        assertThat(layout.axisTitle("chart-inserts")).isEqualTo("hours since the first event \u00b7 mean per 393 s; band: peak second");
        // The base's mean (0.2/s) is drawn well below its bucket peaks (1/s and the spikes' 50/s).
        assertThat(layout.seriesHeight("chart-inserts")).isLessThan(layout.bandHeight("chart-inserts") / 2);
    }

    private static RunData simulate(String file, int events, long seed, String runId) {
        return Simulator.run(Scenarios.load(file), SimulationOptions.seed(seed).withEvents(events).withRunId(runId))
                .runData();
    }

    /** Each chart as laid out: id, box, whether it is the one-line empty form, its x-axis title, its shapes' heights. */
    private record Chart(String id, double top, double height, boolean empty, String axisTitle, double seriesHeight,
                         double bandHeight) {
    }

    private record Layout(List<Chart> charts) {

        /** A copy of the page with a script that writes each chart's layout into a {@code <pre>} for --dump-dom. */
        static Path measured(Path page) throws IOException {
            String script = """
                    <pre id="measured"></pre><script>
                    document.getElementById('measured').textContent = [...document.querySelectorAll('svg.chart')].map(svg => {
                      const r = svg.getBoundingClientRect();
                      const h = sel => { const e = svg.querySelector(sel); return e ? e.getBBox().height : 0; };
                      const title = svg.querySelector('g.x-axis text.axis-label');
                      return [svg.id, r.top + window.scrollY, r.height, svg.classList.contains('chart-empty'),
                              title ? title.textContent : '', h('path.series'), h('path.band')].join('|');
                    }).join('\\n');
                    </script>
                    """;
            Path copy = page.resolveSibling("measured-" + page.getFileName());
            Files.writeString(copy, Files.readString(page).replace("</body>", script + "</body>"));
            return copy;
        }

        static Layout of(String dom) {
            int from = dom.indexOf("<pre id=\"measured\">");
            assertThat(from).as("the measurements in the dumped DOM").isNotNegative();
            String text = dom.substring(from + "<pre id=\"measured\">".length(), dom.indexOf("</pre>", from));
            List<Chart> charts = new ArrayList<>();
            for (String line : text.split("\n")) {
                String[] f = line.split("\\|", -1);
                charts.add(new Chart(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]), Boolean.parseBoolean(f[3]),
                        f[4].replace("&middot;", "\u00b7"), Double.parseDouble(f[5]), Double.parseDouble(f[6])));
            }
            assertThat(charts).isNotEmpty();
            return new Layout(charts);
        }

        void assertEveryChartLabelsItsAggregationAndNoneIsEmptyAtFullHeight() {
            for (Chart chart : charts) {
                if (chart.empty()) {
                    assertThat(chart.height()).as("height of the empty chart %s", chart.id()).isLessThanOrEqualTo(30);
                } else {
                    assertThat(chart.axisTitle()).as("x-axis title of %s", chart.id())
                            .matches(".* since the first event \u00b7 (one point per second|mean per \\d+ s; band: peak second)");
                    assertThat(chart.seriesHeight() + chart.bandHeight()).as("what %s draws", chart.id()).isPositive();
                }
            }
        }

        List<String> emptyIds() {
            return charts.stream().filter(Chart::empty).map(Chart::id).toList();
        }

        private Chart chart(String id) {
            return charts.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id));
        }

        String axisTitle(String id) {
            return chart(id).axisTitle();
        }

        double seriesHeight(String id) {
            return chart(id).seriesHeight();
        }

        double bandHeight(String id) {
            return chart(id).bandHeight();
        }

        int top(String id) {
            return (int) chart(id).top();
        }

        int bottom(String id) {
            return (int) (chart(id).top() + chart(id).height());
        }
    }

    private static int countPixels(BufferedImage image, int rgb, int tolerance) {
        return inRows(image, rgb, tolerance, 0, image.getHeight());
    }

    private static int inRows(BufferedImage image, int rgb, int fromY, int toY) {
        return inRows(image, rgb, 30, fromY, toY);
    }

    private static int inRows(BufferedImage image, int rgb, int tolerance, int fromY, int toY) {
        return Pixels.count(image, rgb, tolerance, fromY, toY);
    }
}
