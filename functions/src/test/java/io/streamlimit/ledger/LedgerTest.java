package io.streamlimit.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.clock.ManualClock;
import io.streamlimit.event.EventType;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.testing.CountingLedgerStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ledger rules beyond the store contract, on the in-memory store. */
class LedgerTest {

    private final ManualClock clock = ManualClock.atDefaultStart();
    private final InMemoryLedgerStore store = new InMemoryLedgerStore();
    private final Ledger ledger = new Ledger(store, LedgerSettings.defaults(), clock);

    @Test
    void a_denied_acquire_is_not_remembered() {
        fill("u1");

        assertThat(ledger.acquire("u1", "extra").allowed()).isFalse();
        ledger.release("u1", "s1");

        assertThat(ledger.acquire("u1", "extra").allowed()).isTrue();
    }

    @Test
    void an_acquire_of_a_stream_whose_open_was_denied_may_take_a_freed_slot() {
        fill("u1");
        assertThat(ledger.apply(StreamEvent.open("u1", "late"))).isEqualTo(Outcome.DENIED);
        ledger.release("u1", "s1");

        assertThat(ledger.acquire("u1", "late").allowed()).isTrue();
        assertThat(store.read("u1").denied()).doesNotContainKey("late");
        assertThat(ledger.apply(StreamEvent.open("u1", "late"))).isEqualTo(Outcome.REFRESHED);
    }

    @Test
    void closing_a_denied_stream_records_the_close_and_frees_nothing() {
        fill("u1");
        ledger.apply(StreamEvent.open("u1", "late"));

        assertThat(ledger.apply(StreamEvent.close("u1", "late"))).isEqualTo(Outcome.TOMBSTONED);
        assertThat(ledger.check("u1").open()).isEqualTo(3);
        assertThat(store.read("u1").denied()).isEmpty();
    }

    @Test
    void a_close_after_the_lease_expired_is_recorded_so_a_late_duplicate_open_stays_a_no_op() {
        ledger.apply(StreamEvent.open("u1", "s1"));
        clock.advance(LedgerSettings.DEFAULT_LEASE);

        assertThat(ledger.apply(StreamEvent.close("u1", "s1"))).isEqualTo(Outcome.TOMBSTONED);
        assertThat(ledger.apply(StreamEvent.open("u1", "s1"))).isEqualTo(Outcome.ALREADY_CLOSED);
    }

    @Test
    void tombstones_are_forgotten_after_their_retention() {
        ledger.apply(StreamEvent.close("u1", "s1"));
        clock.advance(LedgerSettings.DEFAULT_TOMBSTONE_RETENTION);

        assertThat(ledger.apply(StreamEvent.open("u1", "s1"))).isEqualTo(Outcome.OPENED);
        assertThat(store.read("u1").closed()).isEmpty();
    }

    @Test
    void tombstones_are_capped_closest_to_expiry_first() {
        for (int i = 0; i < LedgerRules.MAX_TOMBSTONES + 5; i++) {
            ledger.apply(StreamEvent.close("u1", "s" + i));
            clock.advance(Duration.ofMillis(1));
        }

        UidLedger state = store.read("u1");
        assertThat(state.closed()).hasSize(LedgerRules.MAX_TOMBSTONES).doesNotContainKeys("s0", "s4").containsKey("s5");
    }

    @Test
    void a_refresh_that_moves_nothing_writes_nothing() {
        ledger.acquire("u1", "s1");
        long version = store.read("u1").version();

        ledger.acquire("u1", "s1");
        ledger.apply(StreamEvent.open("u1", "s1"));

        assertThat(store.read("u1").version()).isEqualTo(version);
    }

    @Test
    void apply_all_gives_the_outcomes_of_one_by_one_applies_with_one_read_and_one_write() {
        CountingLedgerStore counting = new CountingLedgerStore(new InMemoryLedgerStore());
        Ledger batched = new Ledger(counting, LedgerSettings.defaults(), clock);
        List<StreamEvent> events = List.of(StreamEvent.open("u1", "s1"), StreamEvent.open("u1", "s2"),
                StreamEvent.open("u1", "s1"), StreamEvent.close("u1", "s3"), StreamEvent.open("u1", "s3"),
                StreamEvent.open("u1", "s4"), StreamEvent.open("u1", "s5"), StreamEvent.close("u1", "s1"),
                StreamEvent.close("u1", "s1"));

        List<Outcome> outcomes = batched.applyAll(events);

        assertThat(outcomes).containsExactly(Outcome.OPENED, Outcome.OPENED, Outcome.REFRESHED, Outcome.TOMBSTONED,
                Outcome.ALREADY_CLOSED, Outcome.OPENED, Outcome.DENIED, Outcome.CLOSED, Outcome.DUPLICATE);
        assertThat(events.stream().map(ledger::apply).toList()).as("the same events one by one").isEqualTo(outcomes);
        assertThat(counting.reads()).isEqualTo(1);
        assertThat(counting.writes()).isEqualTo(1);
        UidLedger once = counting.read("u1");
        UidLedger oneByOne = store.read("u1");
        assertThat(once.version()).isEqualTo(1);
        assertThat(List.of(once.active(), once.closed(), once.denied()))
                .isEqualTo(List.of(oneByOne.active(), oneByOne.closed(), oneByOne.denied()));
    }

    @Test
    void apply_all_of_events_that_change_nothing_writes_nothing() {
        ledger.apply(StreamEvent.close("u1", "s1"));
        long version = store.read("u1").version();

        assertThat(ledger.applyAll(List.of(StreamEvent.open("u1", "s1"), StreamEvent.close("u1", "s1"))))
                .containsExactly(Outcome.ALREADY_CLOSED, Outcome.DUPLICATE);
        assertThat(store.read("u1").version()).isEqualTo(version);
    }

    @Test
    void a_state_read_ahead_that_went_stale_loses_its_write_and_the_event_is_decided_again_on_a_fresh_read() {
        ledger.apply(StreamEvent.open("u1", "s1"));
        ledger.apply(StreamEvent.open("u1", "s2"));
        CountingLedgerStore counting = new CountingLedgerStore(store);
        Ledger batch = new Ledger(counting, LedgerSettings.defaults(), clock).readingAhead(List.of("u1", "u2"));
        ledger.apply(StreamEvent.open("u1", "s3")); // another consumer takes the last slot meanwhile

        assertThat(batch.applyAll(List.of(StreamEvent.open("u1", "s4")))).containsExactly(Outcome.DENIED);
        assertThat(batch.applyAll(List.of(StreamEvent.open("u2", "s1")))).containsExactly(Outcome.OPENED);
        assertThat(counting.batchReads()).isEqualTo(1);
        assertThat(counting.reads()).as("only u1, after its lost write").isEqualTo(1);
        assertThat(ledger.check("u1").open()).isEqualTo(3);
    }

    @Test
    void an_open_redelivered_after_its_lease_ran_out_is_expired_and_does_not_count_the_stream_again() {
        StreamEvent open = new StreamEvent(EventType.OPEN, "u1", "s1", clock.instant(), null, null);
        assertThat(ledger.apply(open)).isEqualTo(Outcome.OPENED);
        clock.advance(LedgerSettings.DEFAULT_LEASE.plusHours(1)); // the player crashed; the lease ran out
        assertThat(ledger.check("u1").open()).isZero();

        long version = store.read("u1").version();
        assertThat(ledger.apply(open)).as("the same open, redelivered from a DLQ hours later").isEqualTo(Outcome.EXPIRED);

        assertThat(ledger.check("u1").open()).isZero();
        assertThat(store.read("u1").version()).as("nothing written").isEqualTo(version);
    }

    @Test
    void an_open_holds_its_slot_for_a_lease_counted_from_when_the_player_opened_it() {
        Instant openedAt = clock.instant().minus(Duration.ofHours(3));
        assertThat(ledger.apply(new StreamEvent(EventType.OPEN, "u1", "s1", openedAt, null, null))).isEqualTo(Outcome.OPENED);

        clock.advance(Duration.ofMinutes(59));
        assertThat(ledger.check("u1").open()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(ledger.check("u1").open()).as("4 hours after it was opened").isZero();
    }

    @Test
    void an_open_stamped_in_the_future_holds_its_slot_for_one_lease_from_now() {
        Instant ahead = clock.instant().plus(Duration.ofHours(2)); // a player's clock running fast
        ledger.apply(new StreamEvent(EventType.OPEN, "u1", "s1", ahead, null, null));

        assertThat(store.read("u1").active()).containsEntry("s1",
                clock.millis() + LedgerSettings.DEFAULT_LEASE.toMillis());
    }

    @Test
    void apply_all_refuses_events_of_two_uids_naming_both() {
        assertThatThrownBy(() -> ledger.applyAll(List.of(StreamEvent.open("u1", "s1"), StreamEvent.open("u2", "s1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("u1").hasMessageContaining("u2");
        assertThat(ledger.applyAll(List.of())).isEmpty();
    }

    @Test
    void endless_version_conflicts_end_in_a_contention_exception() {
        LedgerStore alwaysLosing = new LedgerStore() {
            @Override
            public UidLedger read(String uid) {
                return UidLedger.empty(uid);
            }

            @Override
            public boolean compareAndSet(UidLedger next, long expectedVersion) {
                return false;
            }
        };
        Ledger contended = new Ledger(alwaysLosing, new LedgerSettings(3, Duration.ofHours(4), Duration.ofHours(1)), clock);

        assertThatThrownBy(() -> contended.acquire("u1", "s1"))
                .isInstanceOf(LedgerContentionException.class)
                .hasMessageContaining("u1").hasMessageContaining(Integer.toString(Ledger.MAX_ATTEMPTS));
    }

    @Test
    void settings_refuse_impossible_values_naming_them() {
        assertThatThrownBy(() -> new LedgerSettings(0, Duration.ofHours(1), Duration.ofHours(1)))
                .hasMessage("limit must be from 1 to 1000, got 0");
        assertThatThrownBy(() -> new LedgerSettings(3, Duration.ZERO, Duration.ofHours(1)))
                .hasMessageStartingWith("leaseDuration must be at least 1 ms");
        assertThatThrownBy(() -> new LedgerSettings(3, Duration.ofHours(1), Duration.ofMillis(-1)))
                .hasMessageStartingWith("tombstoneRetention must be at least 1 ms");
    }

    private void fill(String uid) {
        for (int i = 1; i <= 3; i++) {
            assertThat(ledger.acquire(uid, "s" + i).allowed()).isTrue();
        }
    }
}
