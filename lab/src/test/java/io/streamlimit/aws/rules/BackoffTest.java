package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one backoff: Lambda's documented async throttle retries double from 1 s to at most 5 min
 * (invocation-async-error-handling.html), shortened by a random share of up to the jitter.
 */
class BackoffTest {

    @ParameterizedTest(name = "attempt {0}, jitter {1}, draw {2}: {3} ms")
    @CsvSource({
            // attempt, jitter, draw, wait (initial 1 s, max 5 min)
            "0, 0, 0.9, 1000",
            "1, 0, 0.9, 2000",
            "2, 0, 0.9, 4000",
            "8, 0, 0.9, 256000",
            "9, 0, 0.9, 300000",   // 512 s is past the 5 min cap
            "60, 0, 0.9, 300000",  // no overflow for a large attempt
            "0, 1, 0.5, 500",      // full jitter: anywhere in the step
            "3, 0.2, 0.5, 7200",   // 8 s shortened by 0.2 x 0.5 of it
            "3, 0.2, 0, 8000",     // a draw of 0 keeps the whole step
            "0, 1, 0.99999999, 1", // never less than 1 ms
    })
    void exponential_doubles_up_to_the_cap_then_shortens_by_a_random_share_of_the_jitter(
            int attempt, double jitter, double draw, long expected) {
        assertThat(Backoff.exponential(attempt, 1_000, 300_000, jitter, new FixedRandom(draw))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "attempt -1 | -1 | 1000 | 300000 | 0.2 | attempt: must be 0 or more, got -1",
            "no initial wait | 0 | 0 | 300000 | 0.2 | initialMillis: must be above 0, got 0",
            "a cap below the initial wait | 0 | 1000 | 999 | 0.2 | maxMillis: must be at least initialMillis 1000, got 999",
            "a jitter above 1 | 0 | 1000 | 300000 | 1.5 | jitter: must be 0 to 1, got 1.5",
            "a negative jitter | 0 | 1000 | 300000 | -0.1 | jitter: must be 0 to 1, got -0.1",
            "no jitter at all | 0 | 1000 | 300000 | NaN | jitter: must be 0 to 1, got NaN",
    })
    void exponential_refuses_what_is_not_a_backoff(String what, int attempt, long initial, long max, double jitter,
                                                   String message) {
        assertThatThrownBy(() -> Backoff.exponential(attempt, initial, max, jitter, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "mean {0} ms, draw {1}: {2} ms")
    @CsvSource({
            "0, 0.5, 0",          // no mean, no wait (and no draw)
            "12000, 0.5, 8318",   // -12 s x ln(0.5)
            "12000, 0, 1",        // at least 1 ms
            "1000, 0.9, 2303",    // -1 s x ln(0.1)
    })
    void memoryless_is_exponentially_distributed_with_its_mean(long mean, double draw, long expected) {
        assertThat(Backoff.memoryless(mean, new FixedRandom(draw))).isEqualTo(expected);
    }

    @Test
    void memoryless_waits_average_their_mean() {
        SplittableRandom random = new SplittableRandom(7);
        long sum = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            sum += Backoff.memoryless(12_000, random);
        }
        // The mean of 100,000 exponential waits has a relative spread of 0.3 %: 1 % is over three.
        assertThat(sum / (double) n).isBetween(11_880.0, 12_120.0);
    }

    @Test
    void memoryless_refuses_a_negative_mean() {
        assertThatThrownBy(() -> Backoff.memoryless(-1, new SplittableRandom(1)))
                .hasMessage("meanMillis: must be 0 or more, got -1");
        assertThatThrownBy(() -> Backoff.memorylessMillis(Double.NaN, new SplittableRandom(1)))
                .hasMessage("meanMillis: must be 0 or more and finite, got NaN");
    }
}
