package io.streamlimit.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The search on errors known in closed form, without the simulator. */
class CalibrationSearchTest {

    private static final Parameter R = Parameter.MAPPING_BATCHES_REMOVED_PER_THROTTLE;
    private static final Parameter O = Parameter.INVOKE_OVERHEAD;
    private static final Point START = Point.none().with(R, 0.65).with(O, 0.03);

    @Test
    void finds_the_optimum_of_two_trading_parameters_to_the_written_precision() {
        // Three figures, two of which move with both parameters: a diagonal valley, as in a throttled queue.
        Search.Outcome outcome = Search.minimise(List.of(R, O), START, point -> {
            double r = Math.log(point.value(R) / 0.9);
            double o = (point.value(O) - 0.06) * 20;
            return new double[] {r + o, 2 * r + o, o};
        });

        assertThat(outcome.best().value(R)).isEqualTo(0.9);
        assertThat(outcome.best().value(O)).isEqualTo(0.06);
        assertThat(outcome.loss()).isLessThan(1e-3);
    }

    @Test
    void an_optimum_beyond_the_range_ends_at_the_range_s_edge() {
        Search.Outcome outcome = Search.minimise(List.of(O), Point.none().with(O, 0.03),
                point -> new double[] {point.value(O) - 5});

        assertThat(outcome.best().value(O)).isEqualTo(O.high());
    }

    @Test
    void keeps_the_starting_values_when_nothing_is_better_and_bounds_its_work() {
        AtomicInteger calls = new AtomicInteger();
        Search.Outcome outcome = Search.minimise(List.of(R, O), START, point -> {
            calls.incrementAndGet();
            return new double[] {1, 1};
        });

        assertThat(outcome.best()).isEqualTo(START);
        assertThat(calls.get()).isLessThanOrEqualTo(2 + 49 + Search.MOST_FINE_GRIDS * 9);
    }

    @Test
    void parameters_are_searched_as_written() {
        assertThat(R.fromUnit(0)).isEqualTo(0.05);
        assertThat(R.fromUnit(1)).isEqualTo(3.0);
        assertThat(R.rounded(0.67249)).isEqualTo(0.672);
        assertThat(O.rounded(0.01349)).isEqualTo(0.013);
        assertThat(O.yaml(0.013)).isEqualTo("PT0.013S");
        assertThat(Parameter.HELD_BATCH_RETRY_MEAN_INTERVAL.rounded(12.345)).isEqualTo(12.3);
        assertThat(Parameter.HELD_BATCH_RETRY_MEAN_INTERVAL.yaml(12.3)).isEqualTo("PT12.3S");
        assertThat(Parameter.ASYNC_RETRY_JITTER.rounded(0.333)).isEqualTo(0.33);
        assertThat(R.toUnit(R.fromUnit(0.25))).isCloseTo(0.25, org.assertj.core.api.Assertions.within(0.001));
    }
}
