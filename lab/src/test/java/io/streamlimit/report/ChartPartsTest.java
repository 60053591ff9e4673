package io.streamlimit.report;

import static org.assertj.core.api.Assertions.assertThat;

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
    void long_spans_are_labelled_in_minutes_and_hours() {
        assertThat(Ticks.seconds(50)).isEqualTo("50 s");
        assertThat(Ticks.seconds(1_200)).isEqualTo("20 min");
        assertThat(Ticks.seconds(36_000)).isEqualTo("10 h");
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
