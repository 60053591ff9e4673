package io.streamlimit.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.results.RunData;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
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

        BufferedImage image = ImageIO.read(chromium.screenshot(page, dir.resolve("report.png"), 1000, 1400).toFile());

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

        assertThat(Svg.pathData(Svg.chart(dom, "chart-inserts-0"), "series")).startsWith("M");
        assertThat(Svg.pathData(Svg.chart(dom, "chart-inserts-1"), "series")).startsWith("M");
    }

    private static int countPixels(BufferedImage image, int rgb, int tolerance) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y);
                if (Math.abs(((pixel >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= tolerance
                        && Math.abs(((pixel >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= tolerance
                        && Math.abs((pixel & 0xff) - (rgb & 0xff)) <= tolerance) {
                    count++;
                }
            }
        }
        return count;
    }
}
