package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A FIFO mapping's batches: the lower of the scaler's target (maximum concurrency included) and the active groups. */
class FifoConcurrencyTest {

    @ParameterizedTest(name = "target {0}, {1} active groups: {2} batches")
    @CsvSource({
            "10, 3, 3",      // AWS's example: 6 group ids, maximum concurrency 10 -> 6; here 3 -> 3
            "10, 6, 6",
            "5, 200, 5",     // the scaler (maximum concurrency 5) is lower
            "1000, 200, 200",
            "2, 2, 2",
            "5, 0, 1",       // nothing active: one batch keeps polling
            "1, 0, 1",
    })
    void concurrency_is_capped_by_active_groups(int target, int active, int batches) {
        assertThat(FifoConcurrency.batches(target, active)).isEqualTo(batches);
    }

    @Test
    void impossible_inputs_are_refused() {
        assertThatThrownBy(() -> FifoConcurrency.batches(0, 3)).hasMessage("mappingTarget: must be above 0, got 0");
        assertThatThrownBy(() -> FifoConcurrency.batches(3, -1)).hasMessage("activeGroups: must be 0 or more, got -1");
    }
}
