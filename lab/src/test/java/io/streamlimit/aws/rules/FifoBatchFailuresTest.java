package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** On a FIFO queue the first failure fails the rest of the batch (S = succeeded, F = failed; R = reported). */
class FifoBatchFailuresTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "SSSS, ----",
            "FSSS, RRRR",
            "SFSS, -RRR",
            "SSSF, ---R",
            "SFSF, -RRR",
            "S, -",
            "F, R",
    })
    void every_record_after_the_first_failure_is_reported_failed(String outcomes, String expected) {
        boolean[] succeeded = new boolean[outcomes.length()];
        for (int i = 0; i < succeeded.length; i++) {
            succeeded[i] = outcomes.charAt(i) == 'S';
        }
        boolean[] reported = FifoBatchFailures.reported(succeeded);
        StringBuilder actual = new StringBuilder();
        for (boolean r : reported) {
            actual.append(r ? 'R' : '-');
        }
        assertThat(actual).hasToString(expected);
    }

    @ParameterizedTest(name = "after {0} failures: processes {1}")
    @CsvSource({"0, true", "1, false", "4, false"})
    void records_after_a_failure_are_not_processed(int failures, boolean processes) {
        assertThat(FifoBatchFailures.processes(failures)).isEqualTo(processes);
    }

    @Test
    void a_negative_count_is_refused() {
        assertThatThrownBy(() -> FifoBatchFailures.processes(-1)).hasMessage("earlierFailures: must be 0 or more, got -1");
    }
}
