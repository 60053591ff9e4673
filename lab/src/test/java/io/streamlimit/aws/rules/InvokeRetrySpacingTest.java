package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.aws.AwsBehaviour;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A held batch's retries are spaced by the fitted interval divided by the function's environments. */
class InvokeRetrySpacingTest {

    private static final AwsBehaviour AWS = AwsBehaviour.current().toBuilder()
            .heldBatchRetryMeanInterval(Duration.ofSeconds(12)).build();

    @ParameterizedTest(name = "reserved {0}: mean {1} ms")
    @CsvSource({
            "1, 12000",
            "5, 2400",
            "7, 1714",
            "50, 240",
            // reserved concurrency 0 stops the function: nothing runs, the interval stays the fitted one
            "0, 12000"
    })
    void the_mean_interval_is_the_fitted_one_divided_by_the_reserved_concurrency(int reserved, long meanMillis) {
        assertThat(InvokeRetry.of(AWS, reserved, 1_200).meanIntervalMillis()).isEqualTo(meanMillis);
    }

    @Test
    void without_a_reservation_the_accounts_unreserved_pool_counts() {
        // 1,000 less the 100 always unreserved: 12,000 / 900 = 13.3 ms
        assertThat(InvokeRetry.of(AWS, null, 1_200).meanIntervalMillis()).isEqualTo(13);
    }

    @Test
    void retries_average_the_mean_interval_and_stop_at_the_visibility_deadline() {
        InvokeRetry retry = InvokeRetry.of(AWS, 5, 1_200);
        SplittableRandom random = new SplittableRandom(3);
        long sum = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            sum += ((InvokeRetry.InvokeAt) retry.nextAttempt(0, 0, random)).at();
        }
        // The mean of 100,000 exponential waits has a relative spread of 0.3 %: 1 % is over three.
        assertThat(sum / (double) n).isBetween(2_400 * 0.99, 2_400 * 1.01);
        // 1,200 s of visibility from a first receive at 0: an attempt due after 1,200,000 lets the batch go then.
        assertThat(retry.nextAttempt(1_199_999, 0, random)).isEqualTo(new InvokeRetry.LetGo(1_200_000));
    }

    @Test
    void a_fresh_batch_waits_only_while_the_mapping_backs_off() {
        InvokeRetry retry = InvokeRetry.of(AWS, 1, 1_200);
        SplittableRandom random = new SplittableRandom(1);
        assertThat(retry.firstAttempt(500, false, random)).isEqualTo(500);
        assertThat(retry.firstAttempt(500, true, random)).isGreaterThan(500);
    }

    @Test
    void an_interval_under_a_millisecond_is_refused() {
        assertThatThrownBy(() -> new InvokeRetry(0, 10_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("meanIntervalMillis: must be above 0, got 0");
    }
}
