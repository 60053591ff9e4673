package io.streamlimit.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.clock.ManualClock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How every {@link TrackerStore} expires tokens and counts; each implementation's test extends this. */
abstract class TrackerExpiryContract {

    static final Duration LIFETIME = Duration.ofDays(30);
    private static final Duration SECOND = Duration.ofSeconds(1);

    /** Starts at the current second: DynamoDB Local's TTL sweeper, where on, runs on the real clock. */
    final ManualClock clock = ManualClock.startingNow();

    /** A store on a fresh, empty table whose items live {@link #LIFETIME} after their last use on {@link #clock}. */
    abstract TrackerStore newStore(TrackerItemExpiry expiry);

    TrackerStore newStore() {
        return newStore(new TrackerItemExpiry(LIFETIME, clock));
    }

    static String token() {
        return UUID.randomUUID().toString();
    }

    @Test
    void an_unused_token_is_live_until_its_lifetime_after_issue_and_expired_from_then() {
        TrackerStore store = newStore();
        String early = token();
        String late = token();
        store.createToken(early, clock.millis());
        store.createToken(late, clock.millis());

        clock.advance(LIFETIME.minus(SECOND));
        assertThat(store.increment(early, "/")).hasValue(1);
        clock.advance(SECOND);
        assertThat(store.increment(late, "/")).isEmpty();
    }

    @Test
    void each_count_extends_its_token_and_its_counter_by_the_lifetime() {
        TrackerStore store = newStore();
        String token = token();
        store.createToken(token, clock.millis());

        for (int count = 1; count <= 4; count++) {
            clock.advance(LIFETIME.minus(SECOND));
            assertThat(store.increment(token, "/kept")).hasValue(count);
        }
    }

    @Test
    void a_live_token_keeps_counting_after_an_unused_one_expired() {
        TrackerStore store = newStore();
        String live = token();
        String unused = token();
        store.createToken(live, clock.millis());
        store.createToken(unused, clock.millis());
        assertThat(store.increment(live, "/a")).hasValue(1);

        clock.advance(LIFETIME.dividedBy(2));
        assertThat(store.increment(live, "/a")).hasValue(2);
        clock.advance(LIFETIME.dividedBy(2));
        assertThat(store.increment(unused, "/a")).isEmpty();
        assertThat(store.increment(live, "/a")).hasValue(3);
        assertThat(store.increment(live, "/b")).hasValue(1);

        clock.advance(LIFETIME);
        assertThat(store.increment(unused, "/a")).isEmpty();
        assertThat(store.increment(live, "/a")).isEmpty();
    }

    @Test
    void an_expired_token_stays_expired_however_often_it_is_tried() {
        TrackerStore store = newStore();
        String token = token();
        store.createToken(token, clock.millis());
        assertThat(store.increment(token, "/")).hasValue(1);

        clock.advance(LIFETIME);
        for (int i = 0; i < 3; i++) {
            assertThat(store.increment(token, "/")).isEmpty();
        }
    }

    /** Counts expire one by one: a path left alone for the lifetime starts again, even under a token in use. */
    @Test
    void a_count_unused_for_its_lifetime_starts_again_at_one_under_a_token_still_in_use() {
        TrackerStore store = newStore();
        String token = token();
        store.createToken(token, clock.millis());
        store.increment(token, "/left");
        store.increment(token, "/left");

        clock.advance(LIFETIME.dividedBy(2));
        assertThat(store.increment(token, "/used")).hasValue(1);
        clock.advance(LIFETIME.dividedBy(2));
        assertThat(store.increment(token, "/used")).hasValue(2);
        assertThat(store.increment(token, "/left")).hasValue(1);
        assertThat(store.increment(token, "/left")).hasValue(2);
    }
}
