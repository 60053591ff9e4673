package io.streamlimit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChartPartsTest {

    @Test
    void downsampling_keeps_each_bucket_peak_and_its_mean() {
        double[] values = new double[100_000];
        values[54_321] = 9;
        values[54_322] = 1;
        int bucket = Downsampler.bucketSeconds(values.length, 1_000);

        double[] peaks = Downsampler.maxPerBucket(values, bucket);
        double[] means = Downsampler.meanPerBucket(values, bucket);

        assertThat(peaks).hasSize(1_000);
        assertThat(peaks[543]).isEqualTo(9);
        assertThat(means[543]).isEqualTo(0.1); // 10 over the bucket's 100 seconds
    }

    @Test
    void the_last_bucket_s_mean_is_over_the_seconds_it_holds() {
        assertThat(Downsampler.meanPerBucket(new double[] {1, 1, 1, 1, 1}, 2)).containsExactly(1, 1, 1);
    }

    @Test
    void a_long_chart_draws_the_mean_with_the_peak_as_a_band_and_says_so_on_its_axis() {
        long[] day = new long[86_400];
        for (int s = 0; s < day.length; s++) {
            day[s] = s % 3_600 < 30 ? 50 : s % 5 == 0 ? 1 : 0; // 0.2/s with 30 s at 50/s every hour
        }

        String svg = new SvgChart("c", "inserts", "t", "y", day).render();

        // 880 px of plot at 4 px a point at least: 220 points of 393 s.
        assertThat(svg).contains("data-seconds-per-point=\"393\"", "data-aggregation=\"mean, peak band\"",
                "hours since the first event \u00b7 mean per 393 s; band: peak second</text>", "<path class=\"band\"");
        // The base is drawn at its mean (0.2/s), not at its per-bucket peak (1/s).
        assertThat(Svg.pathData(svg, "series")).isNotEqualTo(Svg.pathData(svg, "band"));
    }

    @Test
    void a_chart_with_nothing_to_draw_is_one_line_saying_so() {
        String none = new SvgChart("c", "dlq", "DLQ arrivals per second", "y", new long[300]).render();
        String unrecorded = new SvgChart("d", "dlq", "DLQ arrivals per second", "y", new long[0])
                .whenUnrecorded("not recorded for this run").render();

        assertThat(none).contains("class=\"chart chart-dlq chart-empty\"", "height=\"" + SvgChart.EMPTY_HEIGHT + "\"",
                "none in this run").doesNotContain("<rect class=\"plot\"");
        assertThat(unrecorded).contains("not recorded for this run");
    }

    @Test
    void the_twin_is_drawn_after_the_limit_so_a_twin_at_the_limit_stays_visible() {
        long[] atLimit = new long[60];
        java.util.Arrays.fill(atLimit, 1);

        String svg = new SvgChart("c", "inserts", "t", "y", atLimit).limit(1).twin(atLimit, "measured", "simulated").render();

        assertThat(svg.indexOf("<path class=\"twin\"")).isGreaterThan(svg.indexOf("<line class=\"limit\""));
    }

    @Test
    void a_series_longer_than_a_multiple_of_the_point_budget_still_fits_it() {
        int bucket = Downsampler.bucketSeconds(100_001, 1_000);

        assertThat(Downsampler.maxPerBucket(new double[100_001], bucket).length).isLessThanOrEqualTo(1_000);
        assertThat(Downsampler.bucketSeconds(500, 1_000)).isEqualTo(1);
    }

    @Test
    void axis_tops_are_round_numbers() {
        assertThat(Ticks.niceCeiling(0)).isEqualTo(1);
        assertThat(Ticks.niceCeiling(3)).isEqualTo(5);
        assertThat(Ticks.niceCeiling(7)).isEqualTo(10);
        assertThat(Ticks.niceCeiling(25)).isEqualTo(50);
        assertThat(Ticks.niceCeiling(101)).isEqualTo(200);
        assertThat(Ticks.niceStep(1_000, 8)).isEqualTo(200);
    }

    @Test
    void a_time_axis_uses_one_unit_chosen_by_its_span_with_round_steps() {
        assertThat(labels(TimeAxis.of(300, 8))).containsExactly("0", "50", "100", "150", "200", "250", "300");
        assertThat(TimeAxis.of(300, 8).title()).isEqualTo("seconds since the first event");
        assertThat(labels(TimeAxis.of(1_470, 8))).containsExactly("0", "5", "10", "15", "20");
        assertThat(TimeAxis.of(1_470, 8).title()).isEqualTo("minutes since the first event");
        // The span that read "40000 s, 1000 min, 80000 s": now hours throughout.
        assertThat(labels(TimeAxis.of(80_000, 8))).containsExactly("0", "5", "10", "15", "20");
        assertThat(TimeAxis.of(100_000, 8).title()).isEqualTo("hours since the first event");
        assertThat(labels(TimeAxis.of(100_000, 8))).containsExactly("0", "5", "10", "15", "20", "25");
    }

    @Test
    void the_x_axis_of_a_long_run_has_one_unit_and_its_last_label_inside_the_chart() {
        String svg = new SvgChart("c", "throttles", "t", "y", ones(100_000)).render();

        String axis = svg.substring(svg.indexOf("<g class=\"axis x-axis\">"));
        assertThat(axis).contains(">hours since the first event \u00b7 mean per 455 s; band: peak second</text>").doesNotContain(" s<", " min<", " h<");
        Matcher labels = Pattern.compile("<text y=\"[\\d.]+\" text-anchor=\"(\\w+)\" x=\"([\\d.]+)\">(\\d+)</text>").matcher(axis);
        List<String> texts = new ArrayList<>();
        String lastAnchor = null;
        double lastX = 0;
        while (labels.find()) {
            texts.add(labels.group(3));
            lastAnchor = labels.group(1);
            lastX = Double.parseDouble(labels.group(2));
        }
        assertThat(texts).containsExactly("0", "5", "10", "15", "20", "25");
        // 25 h sits at 90% of the axis; a label that would overflow the right edge is right-aligned at it.
        assertThat(lastX).isLessThanOrEqualTo(958);
        assertThat(lastAnchor).isIn("middle", "end");
        String last = new SvgChart("d", "inserts", "t", "y", ones(1_000)).render();
        assertThat(last).contains("text-anchor=\"end\" x=\"958\">1000</text>");
    }

    private static long[] ones(int seconds) {
        long[] values = new long[seconds];
        java.util.Arrays.fill(values, 1);
        return values;
    }

    private static List<String> labels(TimeAxis axis) {
        return axis.ticks().stream().map(axis::label).toList();
    }

    @Test
    void coordinates_print_with_a_dot_whatever_the_locale() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertThat(Html.coordinate(12.345)).isEqualTo("12.3");
            assertThat(Html.coordinate(7.0)).isEqualTo("7");
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void text_is_escaped_for_html() {
        assertThat(Html.escape("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
