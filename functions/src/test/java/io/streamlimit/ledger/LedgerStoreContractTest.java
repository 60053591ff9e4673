package io.streamlimit.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.clock.ManualClock;
import io.streamlimit.event.StreamEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LedgerStore} must do, and the ledger's invariants (docs/ARCHITECTURE.md) proven on top of
 * it. Each implementation runs this suite by extending it.
 */
abstract class LedgerStoreContractTest {

    static final LedgerSettings SETTINGS = LedgerSettings.defaults();
    static final int LIMIT = SETTINGS.limit();

    LedgerStore store;
    ManualClock clock;
    Ledger ledger;
    private ExecutorService pool;

    /** A new store holding nothing. */
    protected abstract LedgerStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
        clock = ManualClock.startingNow();
        ledger = new Ledger(store, SETTINGS, clock);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    // --- the store contract ---

    @Test
    void reading_an_unknown_uid_gives_an_empty_ledger_at_version_zero() {
        assertThat(store.read("nobody")).isEqualTo(UidLedger.empty("nobody"));
    }

    @Test
    void a_written_ledger_reads_back_unchanged() {
        UidLedger written = new UidLedger("u1", Map.of("s1", 111L, "s:2@x", 222L), Map.of("s3", 333L),
                Map.of("s4", 444L), 1);

        assertThat(store.compareAndSet(written, 0)).isTrue();

        assertThat(store.read("u1")).isEqualTo(written);
    }

    @Test
    void compare_and_set_writes_only_on_the_expected_version() {
        store.compareAndSet(ledgerAt("u1", 1, "s1"), 0);

        assertThat(store.compareAndSet(ledgerAt("u1", 2, "stale"), 0)).isFalse();
        assertThat(store.compareAndSet(ledgerAt("u1", 3, "stale"), 2)).isFalse();
        assertThat(store.compareAndSet(ledgerAt("u1", 2, "s2"), 1)).isTrue();

        assertThat(store.read("u1").active()).containsOnlyKeys("s2");
        assertThat(store.read("u1").version()).isEqualTo(2);
    }

    @Test
    void uids_are_independent() {
        store.compareAndSet(ledgerAt("u1", 1, "s1"), 0);

        assertThat(store.compareAndSet(ledgerAt("u2", 1, "s9"), 0)).isTrue();
        assertThat(store.read("u1").active()).containsOnlyKeys("s1");
    }

    @Test
    void read_all_gives_what_read_gives_for_more_uids_than_one_batch_holds_known_unknown_and_repeated() {
        List<String> uids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            uids.add("u" + i);
            if (i % 3 == 0) {
                assertThat(store.compareAndSet(new UidLedger("u" + i, Map.of("s" + i, 1_000L + i), Map.of("c", 9L),
                        Map.of(), 1), 0)).isTrue();
            }
        }
        uids.add("u3");

        Map<String, UidLedger> states = store.readAll(uids);

        assertThat(states).hasSize(250);
        for (int i = 0; i < 250; i++) {
            assertThat(states.get("u" + i)).as("u%d", i).isEqualTo(store.read("u" + i));
        }
        assertThat(states.get("u3").active()).containsEntry("s3", 1_003L);
        assertThat(states.get("u4")).isEqualTo(UidLedger.empty("u4"));
    }

    // --- the ledger invariants, on this store ---

    @Test
    void sixty_four_threads_acquiring_distinct_streams_for_one_uid_get_exactly_limit_slots() throws Exception {
        int threads = 64;
        pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AcquireResult>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String streamId = "s-" + i;
            results.add(pool.submit(() -> {
                start.await();
                return ledger.acquire("crowded", streamId);
            }));
        }
        start.countDown();

        int allowed = 0;
        for (Future<AcquireResult> result : results) {
            AcquireResult answer = result.get(30, TimeUnit.SECONDS);
            assertThat(answer.open()).isLessThanOrEqualTo(LIMIT);
            allowed += answer.allowed() ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(LIMIT);
        assertThat(ledger.check("crowded").open()).isEqualTo(LIMIT);
        assertThat(store.read("crowded").active()).hasSize(LIMIT);
    }

    @Test
    void duplicated_open_and_close_change_nothing() {
        StreamEvent open = StreamEvent.open("u1", "s1");
        StreamEvent close = StreamEvent.close("u1", "s1");

        assertThat(ledger.apply(open)).isEqualTo(Outcome.OPENED);
        assertThat(ledger.apply(open)).isEqualTo(Outcome.REFRESHED);
        assertThat(ledger.check("u1").open()).isEqualTo(1);
        UidLedger afterOpens = store.read("u1");

        assertThat(ledger.apply(close)).isEqualTo(Outcome.CLOSED);
        UidLedger afterClose = store.read("u1");
        assertThat(ledger.apply(close)).isEqualTo(Outcome.DUPLICATE);
        assertThat(ledger.apply(open)).isEqualTo(Outcome.ALREADY_CLOSED);

        assertThat(afterOpens.version()).isEqualTo(1);
        assertThat(store.read("u1")).isEqualTo(afterClose);
        assertThat(ledger.check("u1").open()).isZero();
    }

    @Test
    void close_before_open_makes_the_later_open_a_no_op() {
        assertThat(ledger.apply(StreamEvent.close("u1", "s1"))).isEqualTo(Outcome.TOMBSTONED);
        assertThat(ledger.apply(StreamEvent.open("u1", "s1"))).isEqualTo(Outcome.ALREADY_CLOSED);
        assertThat(ledger.acquire("u1", "s1").allowed()).isFalse();

        assertThat(ledger.check("u1")).isEqualTo(new CheckResult("u1", 0, LIMIT, true));
    }

    @Test
    void an_open_over_the_limit_is_denied_not_counted_and_stays_denied_when_redelivered() {
        for (int i = 1; i <= LIMIT; i++) {
            assertThat(ledger.apply(StreamEvent.open("u1", "s" + i))).isEqualTo(Outcome.OPENED);
        }
        StreamEvent extra = StreamEvent.open("u1", "extra");
        assertThat(ledger.apply(extra)).isEqualTo(Outcome.DENIED);
        assertThat(ledger.check("u1")).isEqualTo(new CheckResult("u1", LIMIT, LIMIT, false));

        ledger.apply(StreamEvent.close("u1", "s1"));
        assertThat(ledger.apply(extra)).isEqualTo(Outcome.DUPLICATE);
        assertThat(ledger.check("u1").open()).isEqualTo(LIMIT - 1);
    }

    @Test
    void an_expired_lease_frees_its_slot_on_read() {
        for (int i = 1; i <= LIMIT; i++) {
            assertThat(ledger.acquire("u1", "s" + i).allowed()).isTrue();
        }
        assertThat(ledger.acquire("u1", "late").allowed()).isFalse();

        clock.advance(SETTINGS.leaseDuration().minusMillis(1));
        assertThat(ledger.check("u1").open()).isEqualTo(LIMIT);

        clock.advance(Duration.ofMillis(1));
        long versionBefore = store.read("u1").version();
        assertThat(ledger.check("u1")).isEqualTo(new CheckResult("u1", 0, LIMIT, true));
        assertThat(store.read("u1").version()).as("a check writes nothing").isEqualTo(versionBefore);
        assertThat(ledger.acquire("u1", "late").allowed()).isTrue();
        assertThat(store.read("u1").active()).containsOnlyKeys("late");
    }

    @Test
    void acquiring_a_held_stream_refreshes_its_lease_and_counts_it_once() {
        AcquireResult first = ledger.acquire("u1", "s1");
        clock.advance(Duration.ofHours(3));
        AcquireResult again = ledger.acquire("u1", "s1");

        assertThat(again.allowed()).isTrue();
        assertThat(again.open()).isEqualTo(1);
        assertThat(again.leaseExpiresAt()).isEqualTo(first.leaseExpiresAt().plus(Duration.ofHours(3)));

        clock.advance(Duration.ofHours(2));
        assertThat(ledger.check("u1").open()).as("the refreshed lease still holds").isEqualTo(1);
    }

    @Test
    void an_open_event_refreshes_the_lease_of_an_acquired_stream() {
        ledger.acquire("u1", "s1");
        clock.advance(Duration.ofHours(3));
        assertThat(ledger.apply(StreamEvent.open("u1", "s1"))).isEqualTo(Outcome.REFRESHED);

        clock.advance(Duration.ofHours(2));
        assertThat(ledger.check("u1").open()).isEqualTo(1);
    }

    @Test
    void a_randomized_concurrent_history_matches_a_sequential_reference_model() throws Exception {
        replayConcurrently(1);
    }

    @Test
    void the_same_history_applied_in_consumer_sized_batches_grouped_by_uid_matches_the_model() throws Exception {
        replayConcurrently(10);
    }

    /**
     * Eight threads take the shuffled history {@code batchSize} events at a time, as consumer
     * invocations do, read the batch's uids ahead in one request ({@link Ledger#readingAhead})
     * and apply each uid's events of the batch with one {@link Ledger#applyAll}.
     * Replayed per uid in the order the writes were linearized, every outcome must equal the
     * sequential model's.
     */
    private void replayConcurrently(int batchSize) throws Exception {
        long seed = Long.getLong("ledger.seed", 20261123L);
        List<StreamEvent> history = History.generate(new Random(seed), 50, 48);
        assertThat(history.size()).as("events in the history (seed %d)", seed).isGreaterThanOrEqualTo(10_000);

        LinearizationRecorder recorder = new LinearizationRecorder(store);
        Ledger recorded = new Ledger(recorder, SETTINGS, clock);
        ConcurrentLinkedQueue<Applied> applied = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        int threads = 8;
        pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndAdd(batchSize); i < history.size(); i = next.getAndAdd(batchSize)) {
                    Map<String, List<StreamEvent>> byUid = new LinkedHashMap<>();
                    history.subList(i, Math.min(i + batchSize, history.size()))
                            .forEach(e -> byUid.computeIfAbsent(e.uid(), uid -> new ArrayList<>()).add(e));
                    Ledger batchLedger = batchSize == 1 ? recorded : recorded.readingAhead(byUid.keySet());
                    for (List<StreamEvent> events : byUid.values()) {
                        String uid = events.get(0).uid();
                        List<Outcome> outcomes = batchSize == 1 ? List.of(batchLedger.apply(events.get(0)))
                                : batchLedger.applyAll(events);
                        for (int k = 0; k < events.size(); k++) {
                            // A call writes at most once: its write is marked on its first event only.
                            applied.add(new Applied(events.get(k), outcomes.get(k), recorder.lastPosition(uid), k,
                                    k == 0 && recorder.lastWrote(uid)));
                        }
                    }
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }

        Map<String, List<Applied>> byUid = new HashMap<>();
        applied.forEach(a -> byUid.computeIfAbsent(a.event().uid(), uid -> new ArrayList<>()).add(a));
        assertThat(byUid).hasSize(50);
        for (Map.Entry<String, List<Applied>> entry : byUid.entrySet()) {
            List<Applied> changes = entry.getValue();
            changes.sort(Comparator.comparingLong(Applied::position).thenComparingInt(Applied::indexInCall));
            List<Long> writes = changes.stream().filter(Applied::wrote).map(Applied::position).toList();
            assertThat(writes).as("each version written once, none lost, for %s", entry.getKey())
                    .doesNotHaveDuplicates()
                    .hasSize((int) store.read(entry.getKey()).version());

            ReferenceLedger reference = new ReferenceLedger(LIMIT);
            for (Applied change : changes) {
                assertThat(change.outcome()).as("outcome of %s (seed %d)", change.event(), seed)
                        .isEqualTo(reference.apply(change.event()));
            }
            assertThat(ledger.check(entry.getKey()).open()).as("open streams of %s (seed %d)", entry.getKey(), seed)
                    .isEqualTo(reference.openCount());
        }
    }

    private record Applied(StreamEvent event, Outcome outcome, long position, int indexInCall, boolean wrote) {
    }

    /** Opens and closes over many uids, some duplicated, all shuffled (so closes overtake opens). */
    static final class History {

        static List<StreamEvent> generate(Random random, int uids, int streamsPerUid) {
            List<StreamEvent> events = new ArrayList<>();
            for (int u = 0; u < uids; u++) {
                for (int s = 0; s < streamsPerUid; s++) {
                    String uid = "uid-" + u;
                    String streamId = "u" + u + "-s" + s;
                    addWithDuplicates(events, StreamEvent.open(uid, streamId), random);
                    if (random.nextDouble() < 0.8) {
                        addWithDuplicates(events, StreamEvent.close(uid, streamId), random);
                    }
                }
            }
            Collections.shuffle(events, random);
            return events;
        }

        private static void addWithDuplicates(List<StreamEvent> events, StreamEvent event, Random random) {
            events.add(event);
            // Heavy duplication (2.5 copies on average), as at-least-once delivery under retries gives.
            while (random.nextDouble() < 0.6) {
                events.add(event);
            }
        }
    }

    private static UidLedger ledgerAt(String uid, long version, String streamId) {
        return new UidLedger(uid, Map.of(streamId, 1_000L), Map.of(), Map.of(), version);
    }
}
