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
    void a_time_already_past_returns_at_once_and_is_not_the_waiter_s_delay() {
        WallClockWaiter waiter = new WallClockWaiter(clock);
        long before = clock.millis();

        assertThat(waiter.until(before - 2_000)).isTrue();

        assertThat(clock.millis() - before).isLessThan(1_000);
        assertThat(waiter.lateness().waits()).isEqualTo(1);
        assertThat(waiter.lateness().max()).isLessThan(1_000);
    }

    @Test
    void a_thread_kept_from_running_shows_in_the_99th_percentile_and_the_maximum() throws Exception {
        WallClockWaiter waiter = new WallClockWaiter(Clock.offset(clock, java.time.Duration.ZERO));
        for (int i = 0; i < 99; i++) {
            waiter.until(clock.millis()); // due now: on time
        }
        // A clock that jumps 5 s while the waiter sleeps: as if the thread woke 5 s late.
        JumpingClock jumping = new JumpingClock(clock, 5_000);
        WallClockWaiter late = new WallClockWaiter(jumping);
        late.until(jumping.millis() + 1);

        assertThat(waiter.lateness().waits()).isEqualTo(99);
        assertThat(waiter.lateness().p99()).isLessThan(1_000);
        assertThat(late.lateness().max()).isGreaterThanOrEqualTo(4_999);
    }

    /** A clock that reads {@code jumpMillis} later from its second reading on. */
    private static final class JumpingClock extends Clock {
        private final Clock base;
        private final long jumpMillis;
        private int readings;

        JumpingClock(Clock base, long jumpMillis) {
            this.base = base;
            this.jumpMillis = jumpMillis;
        }

        @Override
        public synchronized long millis() {
            return base.millis() + (readings++ >= 2 ? jumpMillis : 0);
        }

        @Override
        public java.time.ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.ofEpochMilli(millis());
        }
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
