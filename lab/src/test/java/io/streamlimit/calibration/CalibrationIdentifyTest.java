package io.streamlimit.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The range a run identifies: the values either side of the fit whose loss stays within the limit. */
class CalibrationIdentifyTest {

    private static final Parameter OVERHEAD = Parameter.INVOKE_OVERHEAD; // linear, 0 to 0.2 s

    @Test
    void a_loss_that_rises_either_side_bounds_the_parameter_on_both_sides() {
        Point fit = Point.none().with(OVERHEAD, 0.1);
        // loss 0 at 0.1 s, 1 at +-0.01 s: within 4 from 0.08 to 0.12 s
        Identified identified = Calibrator.identify(OVERHEAD, fit, 4,
                point -> Math.pow((point.value(OVERHEAD) - 0.1) / 0.01, 2));

        assertThat(identified.bounded()).isTrue();
        // probes at 1/64, 1/32, 1/16 of the range: 0.003, 0.006, 0.013 s; 0.025 s is outside
        assertThat(identified.low()).isEqualTo(0.1 - 0.0125, org.assertj.core.api.Assertions.within(0.001));
        assertThat(identified.high()).isEqualTo(0.1 + 0.0125, org.assertj.core.api.Assertions.within(0.001));
        assertThat(identified.describe()).isEqualTo("0.088 s to 0.113 s");
    }

    @Test
    void a_flat_side_reaching_the_range_is_open() {
        Point fit = Point.none().with(OVERHEAD, 0.05);
        // nothing changes above the fit; below, the loss rises fast
        Identified identified = Calibrator.identify(OVERHEAD, fit, 4,
                point -> point.value(OVERHEAD) < 0.05 ? 100 : 0);

        assertThat(identified.highOpen()).isTrue();
        assertThat(identified.lowOpen()).isFalse();
        assertThat(identified.high()).isEqualTo(0.2);
        assertThat(identified.describe()).isEqualTo("0.05 s or more");
    }

    @Test
    void a_loss_outside_the_limit_one_probe_away_leaves_only_the_fitted_value() {
        Point fit = Point.none().with(OVERHEAD, 0.05);
        Identified identified = Calibrator.identify(OVERHEAD, fit, 4,
                point -> point.value(OVERHEAD) == 0.05 ? 0 : 100);

        assertThat(identified.describe()).isEqualTo("only 0.05 s (1/64 of the range either side is already outside)");
    }
}
