package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The downstream's fixed one-second window: refuse beyond the rate with enforce, else count the seconds over. */
class DownstreamWindowTest {

    @ParameterizedTest(name = "rate {0}, enforce {1}, calls at {2}: {3}; {4} refused, {5} seconds over")
    @CsvSource(delimiter = '|', value = {
            "2 | true  | 0 100 200 999    | yes yes no no      | 2 | 0",
            "2 | true  | 0 100 1000 1100 1200 | yes yes yes yes no | 1 | 0",
            "2 | false | 0 100 200 999    | yes yes yes yes    | 0 | 1",
            "2 | false | 0 100 200 1000 1001 1002 | yes yes yes yes yes yes | 0 | 2",
            "0 | true  | 0 500            | no no              | 2 | 0",
            "1 | true  | -1 0             | yes yes            | 0 | 0", // second -1 and second 0
    })
    void calls_are_counted_per_calendar_second_of_their_start(int rate, boolean enforce, String calls, String admitted,
                                                              long refused, long secondsOver) {
        DownstreamWindow window = new DownstreamWindow(rate, enforce);
        String[] results = Arrays.stream(calls.trim().split("\\s+"))
                .map(at -> window.admit(Long.parseLong(at)) ? "yes" : "no").toArray(String[]::new);
        assertThat(String.join(" ", results)).isEqualTo(admitted.trim());
        assertThat(window.refused()).isEqualTo(refused);
        assertThat(window.secondsOverLimit()).isEqualTo(secondsOver);
    }

    @Test
    void a_negative_rate_is_refused() {
        assertThatThrownBy(() -> new DownstreamWindow(-1, true)).hasMessage("ratePerSecond: must be 0 or more, got -1");
    }
}
