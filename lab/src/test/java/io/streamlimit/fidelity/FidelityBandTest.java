package io.streamlimit.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bands, error percentages and verdicts. */
class FidelityBandTest {

    @Test
    void a_relative_band_includes_its_edges() {
        Band band = Band.relative(0.10);

        // 10% of 1.306 is 0.1306: both edges in, a millisecond beyond out.
        assertThat(band.contains(1.306, 1.1754)).isTrue();
        assertThat(band.contains(1.306, 1.4366)).isTrue();
        assertThat(band.contains(1.306, 1.1744)).isFalse();
        assertThat(band.contains(1.306, 1.4376)).isFalse();
        assertThat(band.describe(1.306, 3)).isEqualTo("±10% [1.175, 1.437]");
    }

    @Test
    void an_absolute_band_is_an_amount_either_way() {
        Band band = Band.absolute(0.08);

        assertThat(band.contains(0.26, 0.18)).isTrue();
        assertThat(band.contains(0.26, 0.34)).isTrue();
        assertThat(band.contains(0.26, 0.179)).isFalse();
        assertThat(band.contains(0.26, 0.341)).isFalse();
        assertThat(band.describe(0.26, 3)).isEqualTo("±0.08 [0.180, 0.340]");
    }

    @Test
    void an_exact_band_takes_only_the_real_value() {
        Band band = Band.exact();

        assertThat(band.contains(0, 0)).isTrue();
        assertThat(band.contains(0, 1)).isFalse();
        assertThat(band.contains(1, 2)).isFalse();
        assertThat(band.describe(1, 0)).isEqualTo("exactly 1");
    }

    @Test
    void a_range_ignores_the_real_value() {
        Band band = Band.range(1_550, 2_100);

        assertThat(band.contains(1_905, 1_550)).isTrue();
        assertThat(band.contains(1_905, 2_100)).isTrue();
        assertThat(band.contains(1_905, 1_549.9)).isFalse();
        assertThat(band.contains(1_905, 2_100.1)).isFalse();
        assertThat(band.describe(1_905, 1)).isEqualTo("[1550.0, 2100.0]");
    }

    @Test
    void impossible_bands_are_refused() {
        assertThatThrownBy(() -> Band.relative(-0.1)).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> Band.absolute(-1)).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> Band.range(2, 1)).hasMessageContaining("must not exceed");
    }

    @Test
    void a_comparison_gives_the_error_in_percent_of_the_real_value_and_a_verdict() {
        FigureComparison within = new FigureComparison(Figure.FIRST_TO_LAST_START, 1_000, 1_080.0, Band.relative(0.10));
        FigureComparison outside = new FigureComparison(Figure.FIRST_TO_LAST_START, 1_000, 850.0, Band.relative(0.10));

        assertThat(within.errorPercent()).isEqualTo(8.0);
        assertThat(within.verdict()).isEqualTo(Verdict.PASS);
        assertThat(outside.errorPercent()).isEqualTo(-15.0);
        assertThat(outside.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void a_real_zero_has_no_error_percent_but_is_still_judged() {
        FigureComparison none = new FigureComparison(Figure.FAILED, 0, 0.0, Band.exact());
        FigureComparison some = new FigureComparison(Figure.FAILED, 0, 3.0, Band.exact());

        assertThat(none.errorPercent()).isNull();
        assertThat(none.verdict()).isEqualTo(Verdict.PASS);
        assertThat(some.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void a_missing_simulated_figure_fails_and_a_shown_one_is_not_judged() {
        assertThat(new FigureComparison(Figure.START_GAP_P50, 1.3, null, Band.relative(0.1)).verdict())
                .isEqualTo(Verdict.FAIL);
        FigureComparison shown = new FigureComparison(Figure.COMPLETED, 895, 900.0, null);
        assertThat(shown.verdict()).isEqualTo(Verdict.SHOWN);
        assertThat(shown.bandText()).isNull();
    }
}
