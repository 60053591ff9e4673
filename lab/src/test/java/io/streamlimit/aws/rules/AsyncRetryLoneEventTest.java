package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.aws.AwsBehaviour;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A lone throttled async event retries at the documented doubling or a little longer, never
 * shorter (the 2025 measurement); a backlog spreads its retries over the step.
 */
class AsyncRetryLoneEventTest {

    private static final AwsBehaviour AWS = AwsBehaviour.current();
    private final AsyncRetrySchedule schedule = new AsyncRetrySchedule(AWS);

    @ParameterizedTest(name = "throttle {0}: {1} to {2} ms")
    @CsvSource({
            "0, 1000, 1200",
            "1, 2000, 2400",
            "2, 4000, 4800",
            "3, 8000, 9600",
            "4, 16000, 19200",
            "5, 32000, 38400",
            // capped at the documented 5 minutes, then lengthened
            "9, 300000, 360000"
    })
    void a_lone_event_waits_the_doubling_lengthened_by_at_most_a_fifth(int throttles, long least, long most) {
        SplittableRandom random = new SplittableRandom(throttles);
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        for (int i = 0; i < 10_000; i++) {
            long wait = schedule.afterThrottle(0, 0, throttles, 1, random);
            shortest = Math.min(shortest, wait);
            longest = Math.max(longest, wait);
        }
        assertThat(shortest).isGreaterThanOrEqualTo(least);
        assertThat(longest).isLessThanOrEqualTo(most);
        // 10,000 draws of a uniform lengthening reach within 1 % of both ends
        assertThat(shortest).isLessThan(least + (most - least) / 100);
        assertThat(longest).isGreaterThan(most - (most - least) / 100);
    }

    @Test
    void six_throttles_come_before_an_environment_busy_for_60_5_s_is_free_and_the_seventh_attempt_after() {
        // The measurement: the second event's first attempt 0.45 s after the invoke, the first
        // event's environment free at about 60.5 s. Attempts at the doubling or longer: the sixth
        // retry (seventh attempt) is due at 0.45 + 63 s or later, after the environment is free.
        for (long seed = 1; seed <= 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            long at = 450;
            int throttled = 0;
            while (at < 60_500) {
                at = schedule.afterThrottle(at, 0, throttled, 1, random);
                throttled++;
            }
            assertThat(throttled).isEqualTo(6);
            assertThat(at).isBetween(63_450L, 76_050L);
        }
    }

    @Test
    void a_large_backlog_retries_anywhere_in_the_step() {
        SplittableRandom random = new SplittableRandom(7);
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        for (int i = 0; i < 10_000; i++) {
            long wait = schedule.afterThrottle(0, 0, 4, 1_000, random);
            shortest = Math.min(shortest, wait);
            longest = Math.max(longest, wait);
        }
        // 16 s step: a share of up to 999/1000 taken off, a 1/1000 of 0.2 added
        assertThat(shortest).isLessThan(500);
        assertThat(longest).isBetween(15_500L, 16_004L);
    }

    @Test
    void no_retry_is_due_after_the_event_expires() {
        long age = AWS.asyncMaximumEventAge().toMillis();
        long at = schedule.afterThrottle(age - 10, 0, 20, 1, new SplittableRandom(1));
        assertThat(at).isEqualTo(age);
    }
}
