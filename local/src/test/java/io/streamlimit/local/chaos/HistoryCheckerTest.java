package io.streamlimit.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.clock.ManualClock;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.AcquireResult;
import io.streamlimit.ledger.InMemoryLedgerStore;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.LedgerStore;
import io.streamlimit.ledger.Outcome;
import io.streamlimit.ledger.UidLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The checker accepts what the real ledger does and catches each kind of broken ledger. */
class HistoryCheckerTest {

    private static final LedgerSettings SETTINGS = ChaosRun.SETTINGS;
    private static final Duration LEASE = SETTINGS.leaseDuration();

    private final ManualClock clock = ManualClock.startingNow();
    private final History history = new History();

    // ------------------------------------------------------------ sequential

    @Test
    void a_random_sequential_history_of_the_real_ledger_has_no_violation() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        Ledger ledger = new Ledger(store, SETTINGS, clock);
        Random random = new Random(7);
        List<String> uids = List.of("u1", "u2", "u3");
        for (int i = 0; i < 3_000; i++) {
            String uid = uids.get(random.nextInt(uids.size()));
            String stream = uid + "-s" + random.nextInt(8);
            switch (random.nextInt(6)) {
                case 0 -> record(OpKind.OPEN, uid, stream, () -> new Answer.Applied(ledger.apply(StreamEvent.open(uid, stream))));
                case 1 -> record(OpKind.CLOSE, uid, stream, () -> new Answer.Applied(ledger.apply(StreamEvent.close(uid, stream))));
                case 2 -> record(OpKind.ACQUIRE, uid, stream, () -> acquired(ledger.acquire(uid, stream)));
                case 3 -> record(OpKind.RELEASE, uid, stream, () -> new Answer.Applied(ledger.release(uid, stream)));
                case 4 -> record(OpKind.CHECK, uid, null, () -> new Answer.Checked(ledger.check(uid).open()));
                default -> clock.advance(random.nextInt(20) == 0 ? LEASE : Duration.ofMinutes(random.nextInt(30)));
            }
        }
        HistoryChecker checker = new HistoryChecker(SETTINGS);
        assertThat(checker.checkSequential(history.ops(), finals(store, uids), now(uids))).isEmpty();
        assertThat(checker.ambiguousUids()).isZero();
    }

    @Test
    void an_open_applied_twice_is_caught() {
        record(OpKind.OPEN, "u", "s1", () -> new Answer.Applied(Outcome.OPENED));
        record(OpKind.OPEN, "u", "s1", () -> new Answer.Applied(Outcome.OPENED));

        assertThat(sequential(Map.of())).extracting(Violation::invariant).contains("3: duplicate applied twice");
    }

    @Test
    void an_open_copy_delivered_after_its_lease_ran_out_is_expired_on_the_real_ledger_and_counting_it_is_caught() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        Ledger ledger = new Ledger(store, SETTINGS, clock);
        StreamEvent open = new StreamEvent(io.streamlimit.event.EventType.OPEN, "u", "s1", clock.instant(), null, null);
        recordOpen(open, ledger.apply(open));
        clock.advance(LEASE.plusHours(1));
        recordOpen(open, ledger.apply(open)); // redelivered from a DLQ after the lease ran out

        assertThat(history.ops().get(1).answer()).isEqualTo(new Answer.Applied(Outcome.EXPIRED));
        assertThat(new HistoryChecker(SETTINGS).checkSequential(history.ops(), finals(store, List.of("u")),
                Map.of("u", clock.millis()))).isEmpty();

        recordOpen(open, Outcome.OPENED); // a ledger that counts the dead stream again
        assertThat(sequential(Map.of())).extracting(Violation::invariant).isNotEmpty();
    }

    @Test
    void an_acquire_past_the_limit_is_caught() {
        for (int s = 1; s <= 3; s++) {
            int open = s;
            record(OpKind.ACQUIRE, "u", "s" + s, () -> new Answer.Acquired(true, open, Instant.ofEpochMilli(clock.millis() + LEASE.toMillis())));
        }
        record(OpKind.ACQUIRE, "u", "s4", () -> new Answer.Acquired(true, 3, Instant.ofEpochMilli(clock.millis() + LEASE.toMillis())));

        assertThat(sequential(Map.of())).extracting(Violation::invariant).contains("2: limit exceeded through acquire");
    }

    @Test
    void an_open_counted_after_its_close_is_caught() {
        record(OpKind.CLOSE, "u", "s1", () -> new Answer.Applied(Outcome.TOMBSTONED));
        record(OpKind.OPEN, "u", "s1", () -> new Answer.Applied(Outcome.OPENED));

        assertThat(sequential(Map.of())).extracting(Violation::invariant).contains("3: open after close counted");
    }

    @Test
    void a_lease_that_does_not_free_its_slot_is_caught() {
        record(OpKind.OPEN, "u", "s1", () -> new Answer.Applied(Outcome.OPENED));
        clock.advance(LEASE);
        record(OpKind.CHECK, "u", null, () -> new Answer.Checked(1));

        assertThat(sequential(Map.of())).extracting(Violation::invariant).contains("1/4: check answer");
    }

    @Test
    void a_final_state_with_a_lost_event_is_caught() {
        record(OpKind.OPEN, "u", "s1", () -> new Answer.Applied(Outcome.OPENED));
        record(OpKind.OPEN, "u", "s2", () -> new Answer.Applied(Outcome.OPENED));
        UidLedger stored = new UidLedger("u", Map.of("s1", clock.millis() + LEASE.toMillis()), Map.of(), Map.of(), 1);

        assertThat(sequential(Map.of("u", stored))).extracting(Violation::invariant).contains("1: final open count (event lost?)");
    }

    @Test
    void a_failed_operation_may_or_may_not_have_taken_effect() {
        record(OpKind.OPEN, "u", "s1", () -> new Answer.Failed("store down"));
        record(OpKind.CHECK, "u", null, () -> new Answer.Checked(1));
        record(OpKind.OPEN, "u", "s2", () -> new Answer.Failed("store down"));
        record(OpKind.CHECK, "u", null, () -> new Answer.Checked(1));

        assertThat(sequential(null)).isEmpty();
    }

    @Test
    void a_batch_may_apply_its_events_in_any_order() {
        long invoked = history.tick();
        long returned = history.tick();
        // The close came first within the batch: the open is a no-op, nothing is open.
        history.record(OpKind.OPEN, "u", "s1", "handler", invoked, returned, clock.millis(), new Answer.Applied(null));
        history.record(OpKind.CLOSE, "u", "s1", "handler", invoked, returned, clock.millis(), new Answer.Applied(null));
        record(OpKind.OPEN, "u", "s1", () -> new Answer.Applied(Outcome.ALREADY_CLOSED));
        record(OpKind.CHECK, "u", null, () -> new Answer.Checked(0));

        assertThat(sequential(null)).isEmpty();
    }

    @Test
    void long_histories_of_batches_applied_in_unseen_orders_stay_exactly_checkable_with_some_answers_seen() {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        Ledger ledger = new Ledger(store, SETTINGS, clock);
        Random random = new Random(11);
        List<String> open = new ArrayList<>();
        int next = 0;
        for (int b = 0; b < 300; b++) {
            List<StreamEvent> batch = new ArrayList<>();
            for (int m = 0; m < 3; m++) {
                if (open.isEmpty() || random.nextBoolean()) {
                    String stream = "s" + next++;
                    batch.add(StreamEvent.open("u", stream));
                    open.add(stream);
                } else {
                    batch.add(StreamEvent.close("u", open.remove(random.nextInt(open.size()))));
                }
            }
            long invoked = history.tick();
            java.util.Collections.shuffle(batch, random); // the order the consumer happened to apply them in
            batch.forEach(ledger::apply);
            long returned = history.tick();
            for (StreamEvent e : batch) {
                history.record(e.type() == io.streamlimit.event.EventType.OPEN ? OpKind.OPEN : OpKind.CLOSE, "u",
                        e.streamId(), "handler", invoked, returned, clock.millis(), new Answer.Applied(null));
            }
            if (!open.isEmpty() && b % 2 == 0) {
                // A release between batches: its answer tells whether the stream held a slot.
                String stream = open.remove(random.nextInt(open.size()));
                record(OpKind.RELEASE, "u", stream, () -> new Answer.Applied(ledger.release("u", stream)));
            }
            if (b % 50 == 49) {
                clock.advance(LEASE); // some never close: their leases run out
            }
        }
        HistoryChecker checker = new HistoryChecker(SETTINGS);

        assertThat(checker.checkSequential(history.ops(), Map.of("u", store.read("u")), Map.of("u", clock.millis()))).isEmpty();
        assertThat(checker.ambiguousUids()).isZero();
    }

    // ------------------------------------------------------------ concurrent

    @Test
    void a_concurrent_storm_on_the_real_ledger_has_no_violation() throws Exception {
        InMemoryLedgerStore store = new InMemoryLedgerStore();
        storm(store, 6, 1_500);

        assertThat(new HistoryChecker(SETTINGS).checkConcurrent(history.ops(), Map.of("u", store.read("u")), Clock.systemUTC().millis()))
                .isEmpty();
    }

    @Test
    void a_store_that_loses_updates_is_caught_exceeding_the_limit() throws Exception {
        // Every other read returns the state from before the last write, and writes never check
        // the version: updates are lost however the threads happen to be scheduled.
        LedgerStore lossy = new LedgerStore() {
            private final Map<String, UidLedger> items = new ConcurrentHashMap<>();
            private final Map<String, UidLedger> before = new ConcurrentHashMap<>();
            private final AtomicLong reads = new AtomicLong();

            @Override
            public UidLedger read(String uid) {
                Map<String, UidLedger> source = reads.incrementAndGet() % 2 == 0 ? before : items;
                return source.getOrDefault(uid, UidLedger.empty(uid));
            }

            @Override
            public synchronized boolean compareAndSet(UidLedger next, long expectedVersion) {
                UidLedger replaced = items.put(next.uid(), next); // no version check
                if (replaced != null) {
                    before.put(next.uid(), replaced);
                }
                return true;
            }
        };
        storm(lossy, 8, 3_000);

        List<Violation> violations = new HistoryChecker(SETTINGS).checkConcurrent(history.ops(),
                Map.of("u", lossy.read("u")), Clock.systemUTC().millis());
        assertThat(violations).isNotEmpty();
    }

    @Test
    void an_event_missing_from_the_final_state_is_caught() {
        long invoked = history.tick();
        history.record(OpKind.OPEN, "u", "s1", "pipeline", invoked, history.tick(), -1, new Answer.Applied(null));
        history.record(OpKind.OPEN, "u", "s2", "pipeline", invoked, history.tick(), -1, new Answer.Applied(null));
        UidLedger stored = new UidLedger("u", Map.of("s1", Long.MAX_VALUE), Map.of(), Map.of(), 1);

        assertThat(new HistoryChecker(SETTINGS).checkConcurrent(history.ops(), Map.of("u", stored), 0))
                .extracting(Violation::invariant).containsExactly("1: event lost");
    }

    @Test
    void a_check_answering_more_than_could_be_open_is_caught() {
        record(OpKind.ACQUIRE, "u", "s1", () -> new Answer.Acquired(true, 1, Instant.now().plus(LEASE)));
        record(OpKind.RELEASE, "u", "s1", () -> new Answer.Applied(Outcome.CLOSED));
        record(OpKind.CHECK, "u", null, () -> new Answer.Checked(1));

        assertThat(new HistoryChecker(SETTINGS).checkConcurrent(history.ops(), null, 0))
                .extracting(Violation::invariant).containsExactly("1: check answer");
    }

    // ------------------------------------------------------------ helpers

    private void storm(LedgerStore store, int threads, int opsPerThread) throws InterruptedException {
        Ledger ledger = new Ledger(store, SETTINGS, Clock.systemUTC());
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(t);
            workers.add(new Thread(() -> {
                for (int i = 0; i < opsPerThread; i++) {
                    String stream = "s" + random.nextInt(40);
                    int roll = random.nextInt(10);
                    if (roll < 6) {
                        concurrent(OpKind.ACQUIRE, stream, () -> acquired(ledger.acquire("u", stream)));
                    } else if (roll < 8) {
                        concurrent(OpKind.RELEASE, stream, () -> new Answer.Applied(ledger.release("u", stream)));
                    } else {
                        concurrent(OpKind.CHECK, null, () -> new Answer.Checked(ledger.check("u").open()));
                    }
                }
            }));
        }
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
    }

    private void concurrent(OpKind kind, String stream, Supplier<Answer> call) {
        long invoked = history.tick();
        Answer answer = call.get();
        history.record(kind, "u", stream, "test", invoked, history.tick(), -1, answer);
    }

    private void record(OpKind kind, String uid, String stream, Supplier<Answer> call) {
        long invoked = history.tick();
        long now = clock.millis();
        Answer answer = call.get();
        history.record(kind, uid, stream, "test", invoked, history.tick(), now, answer);
    }

    private void recordOpen(StreamEvent open, Outcome outcome) {
        long invoked = history.tick();
        history.record(OpKind.OPEN, open.uid(), open.streamId(), "test", invoked, history.tick(), clock.millis(),
                open.at().toEpochMilli(), new Answer.Applied(outcome));
    }

    private List<Violation> sequential(Map<String, UidLedger> finals) {
        return new HistoryChecker(SETTINGS).checkSequential(history.ops(), finals, Map.of("u", clock.millis()));
    }

    private static Answer acquired(AcquireResult r) {
        return new Answer.Acquired(r.allowed(), r.open(), r.leaseExpiresAt());
    }

    private static Map<String, UidLedger> finals(LedgerStore store, List<String> uids) {
        Map<String, UidLedger> finals = new HashMap<>();
        uids.forEach(uid -> finals.put(uid, store.read(uid)));
        return finals;
    }

    private Map<String, Long> now(List<String> uids) {
        Map<String, Long> now = new HashMap<>();
        uids.forEach(uid -> now.put(uid, clock.millis()));
        return now;
    }
}
