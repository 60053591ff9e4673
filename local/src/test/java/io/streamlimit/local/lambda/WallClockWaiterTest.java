package io.streamlimit.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The emulator's waiter returns at the time asked for and records how late it was. */
class WallClockWaiterTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void a_wait_returns_no_sooner_than_asked_and_its_lateness_is_recorded() {
        WallClockWaiter waiter = new WallClockWaiter(clock);
        long at = clock.millis() + 50;

        assertThat(waiter.until(at)).isTrue();

        assertThat(clock.millis()).isGreaterThanOrEqualTo(at);
        WallClockWaiter.Lateness lateness = waiter.lateness();
        assertThat(lateness.waits()).isEqualTo(1);
        assertThat(lateness.max()).isEqualTo(lateness.median()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void a_time_already_past_returns_at_once_and_counts_as_late_as_it_was() {
        WallClockWaiter waiter = new WallClockWaiter(clock);

        assertThat(waiter.until(clock.millis() - 2_000)).isTrue();

        assertThat(waiter.lateness().max()).isBetween(2_000L, 3_000L);
    }

    @Test
    void the_99th_percentile_and_the_maximum_come_from_all_waits() {
        WallClockWaiter waiter = new WallClockWaiter(clock);
        for (int i = 0; i < 99; i++) {
            waiter.until(clock.millis() - 1); // a millisecond late, or a little more
        }
        waiter.until(clock.millis() - 5_000);

        WallClockWaiter.Lateness lateness = waiter.lateness();
        assertThat(lateness.waits()).isEqualTo(100);
        assertThat(lateness.p99()).isLessThan(1_000);
        assertThat(lateness.max()).isGreaterThanOrEqualTo(5_000);
    }

    @Test
    void an_interrupted_wait_returns_false_and_keeps_the_flag() {
        WallClockWaiter waiter = new WallClockWaiter(clock);
        Thread.currentThread().interrupt();

        assertThat(waiter.until(clock.millis() + 10_000)).isFalse();

        assertThat(Thread.interrupted()).isTrue();
        assertThat(waiter.lateness().waits()).isZero();
    }
}
