package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.aws.AwsBehaviour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A held batch's invoke attempts. Documented: a throttled batch is retried "until the message's
 * timestamp exceeds your queue's visibility timeout, at which point Lambda drops the message"
 * (services-sqs-errorhandling.html); the spacing of the retries is fitted (a memoryless wait,
 * mean 12 s).
 */
class InvokeRetryTest {

    /** Mean 12 s, visibility 10 s (run 03's queue). */
    private final InvokeRetry retry = new InvokeRetry(12_000, 10_000);

    @ParameterizedTest(name = "first received at {0}: visible again at {1}")
    @CsvSource({"0, 10000", "5000, 15000"})
    void the_visibility_deadline_counts_from_the_batch_first_receive(long firstReceivedAt, long deadline) {
        assertThat(retry.visibleAgainAt(firstReceivedAt)).isEqualTo(deadline);
    }

    @ParameterizedTest(name = "backing off {1}, draw {2}: at {3}")
    @CsvSource({
            "1000, false, 0.5, 1000",  // a fresh batch is invoked at once
            "1000, true, 0.5, 9318",   // while the mapping backs off: after a memoryless wait
    })
    void a_fresh_batch_is_invoked_at_once_unless_the_mapping_backs_off(long now, boolean backingOff, double draw,
                                                                       long at) {
        assertThat(retry.firstAttempt(now, backingOff, new FixedRandom(draw))).isEqualTo(at);
    }

    @ParameterizedTest(name = "throttled at {0}, received at {1}, draw {2}: {3} at {4}")
    @CsvSource({
            "1000, 0, 0.1, invoke, 2264",    // 1 s + 1,264 ms, before the deadline at 10 s
            "1000, 0, 0.5, invoke, 9318",    // 1 s + 8,318 ms, still before 10 s
            "5000, 0, 0.5, let go, 10000",   // 13,318 ms is past the deadline: let go at 10 s
            "1000, 5000, 0.5, invoke, 9318", // received later, the deadline is 15 s
            "9999, 0, 0.1, let go, 10000",
    })
    void a_throttled_batch_is_retried_until_its_visibility_timeout_then_let_go(
            long now, long firstReceivedAt, double draw, String decision, long at) {
        InvokeRetry.Attempt expected = decision.equals("invoke") ? new InvokeRetry.InvokeAt(at) : new InvokeRetry.LetGo(at);
        assertThat(retry.nextAttempt(now, firstReceivedAt, new FixedRandom(draw))).isEqualTo(expected);
    }

    @Test
    void of_reads_the_fitted_mean_and_the_queue_visibility_timeout() {
        InvokeRetry of = InvokeRetry.of(AwsBehaviour.current(), 1, 30);
        assertThat(of.visibleAgainAt(1_000)).isEqualTo(31_000);
        assertThat(of.firstAttempt(0, true, new FixedRandom(0.5))).isEqualTo(8_318); // 12 s mean
    }

    @Test
    void inputs_that_are_no_retry_are_refused() {
        assertThatThrownBy(() -> new InvokeRetry(0, 10_000)).hasMessage("meanIntervalMillis: must be above 0, got 0");
        assertThatThrownBy(() -> new InvokeRetry(12_000, -1)).hasMessage("visibilityMillis: must be 0 or more, got -1");
        assertThatThrownBy(() -> InvokeRetry.of(AwsBehaviour.current(), 1, -5))
                .hasMessage("visibilityTimeoutSeconds: must be 0 or more, got -5");
    }
}
