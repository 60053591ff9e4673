package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The consumer's own failures: the scenario's shares, drawn from the engine's seeded source. */
class FunctionFaultsTest {

    @ParameterizedTest(name = "error rate {0}, timeout rate {1}, draw {2}: record fails {3}, times out {4}")
    @CsvSource({
            "0.05, 0.01, 0.04, true, false",
            "0.05, 0.01, 0.005, true, true",
            "0.05, 0.01, 0.05, false, false",  // a draw equal to the rate does not fail
            "1, 1, 0.999, true, true",
    })
    void a_draw_below_the_rate_fails(double errorRate, double timeoutRate, double draw, boolean recordFails,
                                     boolean timesOut) {
        FunctionFaults faults = new FunctionFaults(errorRate, timeoutRate);
        assertThat(faults.recordFails(new FixedRandom(draw))).isEqualTo(recordFails);
        assertThat(faults.timesOut(new FixedRandom(draw))).isEqualTo(timesOut);
    }

    @Test
    void no_faults_draw_nothing_so_a_seeded_run_without_them_is_unchanged() {
        assertThat(FunctionFaults.NONE.recordFails(FixedRandom.untouchable())).isFalse();
        assertThat(FunctionFaults.NONE.timesOut(FixedRandom.untouchable())).isFalse();
    }

    @Test
    void over_many_draws_the_share_that_fails_is_the_rate() {
        FunctionFaults faults = new FunctionFaults(0.05, 0.01);
        SplittableRandom random = new SplittableRandom(3);
        int failed = 0;
        int timedOut = 0;
        for (int i = 0; i < 100_000; i++) {
            failed += faults.recordFails(random) ? 1 : 0;
            timedOut += faults.timesOut(random) ? 1 : 0;
        }
        // Binomial spreads: 69 around 5,000 and 31 around 1,000; four of each either way.
        assertThat(failed).isBetween(4_724, 5_276);
        assertThat(timedOut).isBetween(876, 1_124);
    }

    @Test
    void a_rate_outside_0_to_1_is_refused() {
        assertThatThrownBy(() -> new FunctionFaults(1.5, 0)).hasMessage("errorRate: must be 0 to 1, got 1.5");
        assertThatThrownBy(() -> new FunctionFaults(0, -0.1)).hasMessage("timeoutRate: must be 0 to 1, got -0.1");
    }
}
