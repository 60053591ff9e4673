package io.streamlimit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.PerSecondSeries;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.results.RunData;
import io.streamlimit.sim.Scenarios;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.Simulator;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long, throttle-bound run as a browser draws it: the charts come from per-second counts, so the
 * throttles series covers the whole run instead of stopping where a capped list of rows ended.
 */
class LongRunReportInChromiumTest {

    private static final Pattern NUMBER = Pattern.compile("[MHV]|-?[\\d.]+");

    private HeadlessChromium chromium;

    @BeforeEach
    void findChromium() {
        chromium = HeadlessChromium.find();
    }

    @Test
    void the_100000_event_report_of_04_has_throttles_until_the_end_of_the_run(@TempDir Path dir) throws Exception {
        RunData data = Simulator.run(Scenarios.load("04-sqs-rc1-high-visibility.yaml"),
                SimulationOptions.seed(1).withEvents(100_000)).runData();
        RunMetrics metrics = new MetricsCalculator().compute(data);
        PerSecondSeries series = PerSecondSeries.of(data);
        long[] throttles = series.throttles();
        // The series holds every throttle, and they go on to the run's last tenth.
        assertThat(java.util.Arrays.stream(throttles).sum()).isEqualTo(metrics.throttles()).isGreaterThan(100_000);
        int lastThrottled = throttles.length - 1;
        while (throttles[lastThrottled] == 0) {
            lastThrottled--;
        }
        assertThat(lastThrottled).isGreaterThan(throttles.length * 9 / 10);

        Path page = new HtmlReport().write(data, metrics, dir.resolve("report.html"));
        String svg = Svg.chart(chromium.dumpDom(page), "chart-throttles");

        double plotLeft = number(svg, "<rect class=\"plot\" x=\"");
        double plotWidth = number(svg, "<rect class=\"plot\"[^>]*width=\"");
        double plotBottom = number(svg, "<rect class=\"plot\"[^>]*y=\"") + number(svg, "<rect class=\"plot\"[^>]*height=\"");
        double lastDrawnX = lastNonZeroX(Svg.pathData(svg, "series"), plotBottom);
        assertThat(lastDrawnX).as("the x of the last non-zero step of the throttles line")
                .isGreaterThan(plotLeft + plotWidth * 0.9);
    }

    private static double number(String svg, String before) {
        Matcher matcher = Pattern.compile(before + "([\\d.]+)\"").matcher(svg);
        assertThat(matcher.find()).as(before).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    /** Walks an "M x y H x V y ..." path; the right end of the last step drawn above the baseline. */
    private static double lastNonZeroX(String path, double baseline) {
        Matcher tokens = NUMBER.matcher(path);
        double x = 0;
        double y = baseline;
        double last = -1;
        String command = "";
        while (tokens.find()) {
            String token = tokens.group();
            switch (token) {
                case "M", "H", "V" -> command = token;
                default -> {
                    double value = Double.parseDouble(token);
                    if (command.equals("M")) {
                        x = value;
                        command = "M2";
                    } else if (command.equals("M2")) {
                        y = value;
                    } else if (command.equals("H")) {
                        if (y < baseline - 0.01) {
                            last = value;
                        }
                        x = value;
                    } else if (command.equals("V")) {
                        y = value;
                    }
                }
            }
        }
        return last;
    }
}
