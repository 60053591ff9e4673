package io.streamlimit.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.clock.ManualClock;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.InMemoryLedgerStore;
import io.streamlimit.ledger.Ledger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyCounterTest {

    private final ManualClock clock = ManualClock.startingNow();

    @Test
    void duplicates_and_reorders_on_a_correct_ledger_count_each_event_once() {
        ApplyCounter counter = new ApplyCounter(new InMemoryLedgerStore());
        Ledger ledger = new Ledger(counter, ChaosRun.SETTINGS, clock);
        ledger.apply(StreamEvent.close("u", "s1"));
        ledger.apply(StreamEvent.open("u", "s1"));
        ledger.apply(StreamEvent.open("u", "s2"));
        ledger.apply(StreamEvent.open("u", "s2"));
        ledger.apply(StreamEvent.close("u", "s2"));
        ledger.apply(StreamEvent.close("u", "s2"));

        assertThat(counter.appliedTwice()).isEmpty();
    }

    @Test
    void a_stream_reopened_after_its_lease_expired_is_a_new_life_not_a_duplicate() {
        ApplyCounter counter = new ApplyCounter(new InMemoryLedgerStore());
        Ledger ledger = new Ledger(counter, ChaosRun.SETTINGS, clock);
        ledger.apply(StreamEvent.open("u", "s1"));
        clock.advance(ChaosRun.SETTINGS.leaseDuration().plus(Duration.ofSeconds(1)));
        ledger.apply(StreamEvent.open("u", "s2")); // prunes s1
        ledger.apply(StreamEvent.open("u", "s1"));

        assertThat(counter.appliedTwice()).isEmpty();
    }

    @Test
    void a_store_that_loses_tombstones_lets_an_open_be_applied_twice_and_is_caught() {
        ApplyCounter counter =
                new ApplyCounter(BrokenStores.rewriting(new InMemoryLedgerStore(), BrokenStores::forgetTombstones));
        Ledger ledger = new Ledger(counter, ChaosRun.SETTINGS, clock);
        ledger.apply(StreamEvent.open("u", "s1"));
        ledger.apply(StreamEvent.close("u", "s1"));
        ledger.apply(StreamEvent.open("u", "s1")); // a redelivered open: must be a no-op, is not

        assertThat(counter.appliedTwice()).contains("open u/s1");
    }

    @Test
    void writes_decided_on_states_read_ahead_on_another_thread_are_counted_too() throws Exception {
        ApplyCounter counter =
                new ApplyCounter(BrokenStores.rewriting(new InMemoryLedgerStore(), BrokenStores::forgetTombstones));
        Ledger ledger = new Ledger(counter, ChaosRun.SETTINGS, clock);
        ledger.apply(StreamEvent.open("u", "s1"));
        ledger.apply(StreamEvent.close("u", "s1"));
        Ledger batch = ledger.readingAhead(List.of("u", "v"));

        Thread writer = new Thread(() -> batch.applyAll(List.of(StreamEvent.open("u", "s1"))));
        writer.start();
        writer.join(10_000);

        assertThat(counter.appliedTwice()).containsExactly("open u/s1");
    }
}
