package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.rules.FunctionScaling.EnvironmentAfter;
import io.streamlimit.aws.rules.FunctionScaling.Placement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where Lambda runs an invoke, as documented: reserved concurrency is the ceiling
 * (configuration-concurrency.html); provisioned environments first, then warm ones, then a new
 * one, a cold start (provisioned-concurrency.html); new environments at most a burst at once and
 * a number more per window (scaling-behavior.html); a timed-out environment is reset and runs the
 * init on its next invocation (lambda-runtime-environment.html).
 */
class FunctionScalingTest {

    /** Ceiling 3, a burst of 2 new environments then 1 more every 10 s, 400 ms init, 30 ms overhead. */
    private static FunctionScaling scaling() {
        return new FunctionScaling(3, 2, 1, 10_000, 400, 30);
    }

    @ParameterizedTest(name = "{0} busy, provisioned idle {1}, warm idle {2}: {3}")
    @CsvSource({
            "3, true, true, THROTTLED",   // the ceiling is reached, whatever is idle
            "0, true, true, PROVISIONED", // provisioned environments first
            "2, false, true, WARM",
            "0, false, false, COLD",
    })
    void an_invoke_runs_on_a_provisioned_then_a_warm_then_a_new_environment_up_to_the_ceiling(
            int busy, boolean provisionedIdle, boolean warmIdle, Placement placement) {
        assertThat(scaling().place(0, busy, provisionedIdle, warmIdle)).isEqualTo(placement);
    }

    @Test
    void new_environments_come_a_burst_at_once_then_a_few_more_each_window() {
        FunctionScaling scaling = new FunctionScaling(100, 2, 1, 10_000, 400, 30);
        assertThat(scaling.place(0, 0, false, false)).isEqualTo(Placement.COLD);
        assertThat(scaling.place(1, 1, false, false)).isEqualTo(Placement.COLD);
        assertThat(scaling.place(2, 2, false, false)).as("past the burst").isEqualTo(Placement.THROTTLED);
        assertThat(scaling.place(9_999, 2, false, false)).isEqualTo(Placement.THROTTLED);
        assertThat(scaling.place(10_000, 2, false, false)).as("a window later").isEqualTo(Placement.COLD);
        assertThat(scaling.place(10_001, 3, false, false)).isEqualTo(Placement.THROTTLED);
        assertThat(scaling.place(10_002, 3, false, true)).as("a warm one needs no new environment")
                .isEqualTo(Placement.WARM);
    }

    @ParameterizedTest(name = "{0}, reset {1}: {2} ms")
    @CsvSource({
            "PROVISIONED, false, 30",
            "WARM, false, 30",
            "COLD, false, 430",
            "WARM, true, 430",        // a reset environment runs the init again
            "PROVISIONED, true, 430",
            "COLD, true, 430",
    })
    void the_handler_starts_after_the_overhead_and_any_init(Placement placement, boolean reset, long delay) {
        assertThat(scaling().startDelayMillis(placement, reset)).isEqualTo(delay);
    }

    @Test
    void a_throttled_invoke_has_no_start() {
        assertThatThrownBy(() -> scaling().startDelayMillis(Placement.THROTTLED, false))
                .hasMessage("placement: a throttled invoke does not start");
    }

    @ParameterizedTest(name = "timed out {0}: {1}")
    @CsvSource({"true, RESET", "false, KEEP"})
    void a_timeout_resets_the_environment_and_anything_else_keeps_it(boolean timedOut, EnvironmentAfter after) {
        assertThat(FunctionScaling.environmentAfter(timedOut)).isEqualTo(after);
    }

    @ParameterizedTest(name = "reserved {0}: ceiling {1}")
    @CsvSource({", 900", "5, 5", "0, 0"})
    void the_ceiling_is_the_reservation_else_the_unreserved_pool(Integer reserved, int ceiling) {
        assertThat(FunctionScaling.of(AwsBehaviour.current(), reserved).ceiling()).isEqualTo(ceiling);
    }

    @ParameterizedTest(name = "SnapStart {0}: a cold start waits {1} ms, a warm one {2} ms")
    @CsvSource({"false, 430, 30", "true, 70, 30"})
    void with_snapstart_a_cold_start_waits_for_the_restore_instead_of_the_init(boolean snapStart, long cold,
            long warm) {
        FunctionScaling scaling = FunctionScaling.of(AwsBehaviour.current(), 5, snapStart);
        assertThat(scaling.startDelayMillis(Placement.COLD, false)).isEqualTo(cold);
        assertThat(scaling.startDelayMillis(Placement.WARM, true)).isEqualTo(cold); // a reset environment too
        assertThat(scaling.startDelayMillis(Placement.WARM, false)).isEqualTo(warm);
        assertThat(scaling.coldStartMillis()).isEqualTo(cold - warm);
    }

    @Test
    void values_that_are_no_function_are_refused() {
        assertThatThrownBy(() -> new FunctionScaling(-1, 2, 1, 10_000, 400, 30)).hasMessage("ceiling: must be 0 or more, got -1");
        assertThatThrownBy(() -> new FunctionScaling(3, 0, 1, 10_000, 400, 30)).hasMessage("burst: must be above 0, got 0");
        assertThatThrownBy(() -> new FunctionScaling(3, 2, 1, 0, 400, 30)).hasMessage("windowMillis: must be above 0, got 0");
        assertThatThrownBy(() -> new FunctionScaling(3, 2, 1, 10_000, -400, 30)).hasMessage("coldStartMillis: must be 0 or more, got -400");
        assertThatThrownBy(() -> scaling().place(0, -1, false, false)).hasMessage("busy: must be 0 or more, got -1");
    }
}
