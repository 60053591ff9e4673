package io.streamlimit.aws.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.aws.AwsBehaviour;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lambda's asynchronous retries as documented (invocation-async-error-handling.html): after a
 * function error two retries, about one and two minutes later, then the on-failure destination;
 * after a throttle, waits doubling from 1 s to at most 5 min; an event older than the maximum age
 * (6 h) when an attempt is due is dead-lettered.
 */
class AsyncRetryScheduleTest {

    private static final long SIX_HOURS = Duration.ofHours(6).toMillis();

    private final AsyncRetrySchedule schedule = new AsyncRetrySchedule(AwsBehaviour.current());

    @ParameterizedTest(name = "after {1} retries at {0}: {2}")
    @CsvSource({
            "1000, 0, 61000",      // the first retry, a minute later
            "500000, 1, 620000",   // the second, two minutes after the second failure
            "500000, 2, -",        // no third: the on-failure destination
            "500000, 5, -",
    })
    void a_failed_event_is_retried_twice_then_dead_lettered(long now, int retries, String expected) {
        AsyncRetrySchedule.AfterError decision = schedule.afterError(now, retries);
        if (expected.equals("-")) {
            assertThat(decision).isEqualTo(new AsyncRetrySchedule.DeadLetter());
        } else {
            assertThat(decision).isEqualTo(new AsyncRetrySchedule.RetryAt(Long.parseLong(expected)));
        }
    }

    @Test
    void a_negative_retry_count_is_refused() {
        assertThatThrownBy(() -> schedule.afterError(0, -1)).hasMessage("errorRetries: must be 0 or more, got -1");
    }

    @ParameterizedTest(name = "accepted at {0}, attempt due at {1}: expired {2}")
    @CsvSource({
            "0, 0, false",
            "0, 21599999, false", // a millisecond short of 6 h
            "0, 21600000, true",  // 6 h: the maximum event age
            "1000, 21600999, false",
    })
    void an_attempt_due_at_the_maximum_event_age_is_not_made(long acceptedAt, long now, boolean expired) {
        assertThat(schedule.expired(now, acceptedAt)).isEqualTo(expired);
    }

    @ParameterizedTest(name = "throttle {0}: retried {1} ms later")
    @CsvSource({
            "0, 1000",
            "1, 2000",
            "2, 4000",
            "8, 256000",
            "9, 300000",
            "30, 300000",
    })
    void a_lone_throttled_event_retries_after_the_documented_doubling_at_a_draw_of_zero(int throttles, long wait) {
        assertThat(schedule.afterThrottle(10_000, 10_000, throttles, 1, new FixedRandom(0))).isEqualTo(10_000 + wait);
    }

    @Test
    void a_throttle_retry_is_never_later_than_the_moment_the_event_expires() {
        long acceptedAt = 0;
        long now = SIX_HOURS - 60_000; // a 5 min wait would pass the maximum age
        assertThat(schedule.afterThrottle(now, acceptedAt, 30, 1, new FixedRandom(0))).isEqualTo(SIX_HOURS);
    }

    @Test
    void a_lone_events_retry_comes_no_sooner_than_the_doubling_and_no_later_than_the_jitter_allows() {
        // Lengthened by at most asyncRetryJitter (0.2) of the step for a lone event, never shortened (2025).
        assertThat(schedule.afterThrottle(0, 0, 3, 1, new FixedRandom(0))).isEqualTo(8_000L);
        long at = schedule.afterThrottle(0, 0, 3, 1, new FixedRandom(0.999));
        assertThat(at).isBetween(9_500L, 9_600L);
    }
}
