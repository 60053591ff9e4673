package io.streamlimit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChartPartsTest {

    @Test
    void downsampling_keeps_each_bucket_peak() {
        long[] values = new long[100_000];
        values[54_321] = 9;

        long[] points = Downsampler.maxPerBucket(values, Downsampler.bucketSeconds(values.length, 1_000));

        assertThat(points).hasSize(1_000);
        assertThat(points[543]).isEqualTo(9);
    }

    @Test
    void a_series_longer_than_a_multiple_of_the_point_budget_still_fits_it() {
        int bucket = Downsampler.bucketSeconds(100_001, 1_000);

        assertThat(Downsampler.maxPerBucket(new long[100_001], bucket).length).isLessThanOrEqualTo(1_000);
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
        String svg = new SvgChart("c", "throttles", "t", "y", new long[100_000]).render();

        String axis = svg.substring(svg.indexOf("<g class=\"axis x-axis\">"));
        assertThat(axis).contains(">hours since the first event</text>").doesNotContain(" s<", " min<", " h<");
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
        String last = new SvgChart("d", "inserts", "t", "y", new long[1_000]).render();
        assertThat(last).contains("text-anchor=\"end\" x=\"958\">1000</text>");
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
