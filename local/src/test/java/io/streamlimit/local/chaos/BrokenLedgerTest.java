package io.streamlimit.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.clock.ManualClock;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.AcquireResult;
import io.streamlimit.ledger.InMemoryLedgerStore;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerStore;
import io.streamlimit.ledger.UidLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Seeded histories of deliberately broken ledgers: each seed must find exactly the violations it
 * found before the checker was split into its two parts, so the split checks what it checked.
 */
class BrokenLedgerTest {

    private static final List<String> UIDS = List.of("u1", "u2", "u3");

    @Test
    void a_store_that_forgets_tombstones_is_caught_the_same_way_for_each_seed() {
        assertThat(sequentialRun(1, BrokenStores::forgetTombstones)).isEqualTo(
                "{1-3: event answer [u1]=70, 1-3: event answer [u2]=60, 1-3: event answer [u3]=65, "
                + "1-4: answer [u1]=23, 1-4: answer [u2]=24, 1-4: answer [u3]=22, 1/4: check answer [u1]=97, "
                + "1/4: check answer [u2]=98, 1/4: check answer [u3]=105, "
                + "1: final open count (applied twice or close lost?) [u1]=1, "
                + "1: final open count (applied twice or close lost?) [u2]=1, "
                + "1: final open count (applied twice or close lost?) [u3]=1, "
                + "2: limit exceeded through acquire [u1]=68, 2: limit exceeded through acquire [u2]=71, "
                + "2: limit exceeded through acquire [u3]=78, 3: close lost [u1]=8, 3: close lost [u2]=8, "
                + "3: close lost [u3]=8, 3: duplicate close applied twice [u1]=220, "
                + "3: duplicate close applied twice [u2]=232, 3: duplicate close applied twice [u3]=201, "
                + "3: open after close counted [u1]=54, 3: open after close counted [u2]=39, "
                + "3: open after close counted [u3]=46, ~ fingerprint=-69087503}");
        assertThat(sequentialRun(2, BrokenStores::forgetTombstones)).isEqualTo(
                "{1-3: event answer [u1]=67, 1-3: event answer [u2]=60, 1-3: event answer [u3]=61, "
                + "1-4: answer [u1]=35, 1-4: answer [u2]=37, 1-4: answer [u3]=32, 1/4: check answer [u1]=87, "
                + "1/4: check answer [u2]=106, 1/4: check answer [u3]=91, "
                + "1: final open count (applied twice or close lost?) [u1]=1, "
                + "1: final open count (applied twice or close lost?) [u2]=1, "
                + "1: final open count (applied twice or close lost?) [u3]=1, "
                + "2: limit exceeded through acquire [u1]=91, 2: limit exceeded through acquire [u2]=86, "
                + "2: limit exceeded through acquire [u3]=67, 3: close lost [u1]=8, 3: close lost [u2]=8, "
                + "3: close lost [u3]=8, 3: duplicate close applied twice [u1]=211, "
                + "3: duplicate close applied twice [u2]=218, 3: duplicate close applied twice [u3]=214, "
                + "3: open after close counted [u1]=41, 3: open after close counted [u2]=42, "
                + "3: open after close counted [u3]=40, ~ fingerprint=-1023036739}");
        assertThat(sequentialRun(3, BrokenStores::forgetTombstones)).isEqualTo(
                "{1-3: event answer [u1]=74, 1-3: event answer [u2]=55, 1-3: event answer [u3]=65, "
                + "1-4: answer [u1]=49, 1-4: answer [u2]=29, 1-4: answer [u3]=35, "
                + "1/4: check answer [u1]=100, 1/4: check answer [u2]=94, 1/4: check answer [u3]=117, "
                + "1: final open count (applied twice or close lost?) [u1]=1, "
                + "1: final open count (applied twice or close lost?) [u2]=1, "
                + "1: final open count (applied twice or close lost?) [u3]=1, "
                + "2: limit exceeded through acquire [u1]=78, 2: limit exceeded through acquire [u2]=78, "
                + "2: limit exceeded through acquire [u3]=78, 3: close lost [u1]=8, 3: close lost [u2]=8, "
                + "3: close lost [u3]=8, 3: duplicate close applied twice [u1]=225, "
                + "3: duplicate close applied twice [u2]=216, 3: duplicate close applied twice [u3]=213, "
                + "3: open after close counted [u1]=39, 3: open after close counted [u2]=37, "
                + "3: open after close counted [u3]=40, ~ fingerprint=361729906}");
    }

    @Test
    void a_store_that_drops_a_counted_stream_now_and_then_is_caught_the_same_way_for_each_seed() {
        assertThat(sequentialRun(1, dropOneStreamIn(7))).isEqualTo(
                "{1-4: answer [u1]=1, 1-4: answer [u2]=4, 1/4: check answer [u1]=2, "
                + "1/4: check answer [u2]=5, 1/4: check answer [u3]=1, "
                + "3: duplicate close applied twice [u2]=1, 3: duplicate close applied twice [u3]=1, "
                + "~ fingerprint=1201101404}");
        assertThat(sequentialRun(2, dropOneStreamIn(7))).isEqualTo(
                "{1-4: answer [u1]=6, 1/4: check answer [u1]=3, 1/4: check answer [u3]=1, "
                + "3: duplicate applied twice [u1]=1, 3: duplicate applied twice [u3]=1, "
                + "3: duplicate close applied twice [u2]=1, ~ fingerprint=1413735915}");
        assertThat(sequentialRun(3, dropOneStreamIn(7))).isEqualTo(
                "{1-4: answer [u1]=3, 1-4: answer [u2]=4, 1/4: check answer [u1]=5, "
                + "1/4: check answer [u2]=7, 1/4: check answer [u3]=1, "
                + "3: duplicate close applied twice [u1]=1, 3: duplicate close applied twice [u2]=2, "
                + "~ fingerprint=644175671}");
    }

    @Test
    void a_store_that_never_expires_a_lease_is_caught_the_same_way_for_each_seed() {
        assertThat(sequentialRun(1, BrokenLedgerTest::leasesForever)).isEqualTo(
                "{1-4: answer [u1]=5, 1-4: answer [u2]=1, 1-4: answer [u3]=5, 1/4: check answer [u1]=1, "
                + "1/4: check answer [u3]=6, 3: duplicate close applied twice [u1]=1, "
                + "3: duplicate close applied twice [u2]=1, 3: duplicate close applied twice [u3]=2, "
                + "~ fingerprint=-2055754437}");
        assertThat(sequentialRun(2, BrokenLedgerTest::leasesForever)).isEqualTo(
                "{1-3: event answer [u1]=1, 1-4: answer [u1]=5, 1-4: answer [u3]=8, "
                + "1/4: check answer [u1]=2, 1/4: check answer [u3]=6, "
                + "3: duplicate close applied twice [u3]=1, ~ fingerprint=1034320967}");
        assertThat(sequentialRun(3, BrokenLedgerTest::leasesForever)).isEqualTo(
                "{1-3: event answer [u1]=1, 1-4: answer [u1]=5, 1-4: answer [u2]=3, 1-4: answer [u3]=2, "
                + "1/4: check answer [u1]=5, 1/4: check answer [u2]=3, 1/4: check answer [u3]=1, "
                + "3: duplicate close applied twice [u1]=2, 3: duplicate close applied twice [u2]=5, "
                + "~ fingerprint=2107983866}");
    }

    @Test
    void a_concurrent_history_with_lost_updates_is_caught_the_same_way_for_each_seed() {
        assertThat(concurrentRun(5)).isEqualTo(
                "{1: check answer [u]=1, 2: limit exceeded [u]=1, 3: duplicate applied twice [u]=1, "
                + "~ fingerprint=1969943668}");
        assertThat(concurrentRun(6)).isEqualTo(
                "{1: check answer [u]=37, 2: limit exceeded [u]=1, 3: duplicate applied twice [u]=2, "
                + "3: slot after close [u]=8, ~ fingerprint=1315650121}");
        assertThat(concurrentRun(7)).isEqualTo(
                "{1: check answer [u]=23, 2: limit exceeded [u]=1, 3: duplicate applied twice [u]=1, "
                + "3: slot after close [u]=2, ~ fingerprint=-1913059460}");
    }

    @Test
    void a_correct_store_is_clean_for_the_same_seeds() {
        for (long seed = 1; seed <= 3; seed++) {
            assertThat(sequentialRun(seed, UnaryOperator.identity())).isEqualTo("{~ fingerprint=1}");
        }
    }

    // ------------------------------------------------------------ runs

    private static String sequentialRun(long seed, UnaryOperator<UidLedger> breakage) {
        ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
        LedgerStore store = BrokenStores.rewriting(new InMemoryLedgerStore(), breakage);
        Ledger ledger = new Ledger(store, ChaosRun.SETTINGS, clock);
        History history = new History();
        Random random = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            String uid = UIDS.get(random.nextInt(UIDS.size()));
            String stream = uid + "-s" + random.nextInt(8);
            int roll = random.nextInt(6);
            if (roll == 5) {
                clock.advance(random.nextInt(20) == 0 ? ChaosRun.SETTINGS.leaseDuration() : Duration.ofMinutes(random.nextInt(30)));
                continue;
            }
            OpKind kind = KINDS.get(roll);
            long invoked = history.tick();
            long now = clock.millis();
            Answer answer = call(ledger, kind, uid, stream);
            history.record(kind, uid, kind == OpKind.CHECK ? null : stream, "test", invoked, history.tick(), now, answer);
        }
        Map<String, UidLedger> finals = new HashMap<>();
        Map<String, Long> finalNow = new HashMap<>();
        for (String uid : UIDS) {
            finals.put(uid, store.read(uid));
            finalNow.put(uid, clock.millis());
        }
        return tally(new HistoryChecker(ChaosRun.SETTINGS).checkSequential(history.ops(), finals, finalNow));
    }

    private static final List<OpKind> KINDS = List.of(OpKind.OPEN, OpKind.CLOSE, OpKind.ACQUIRE, OpKind.RELEASE, OpKind.CHECK);

    private static Answer call(Ledger ledger, OpKind kind, String uid, String stream) {
        return switch (kind) {
            case OPEN -> new Answer.Applied(ledger.apply(StreamEvent.open(uid, stream)));
            case CLOSE -> new Answer.Applied(ledger.apply(StreamEvent.close(uid, stream)));
            case ACQUIRE -> acquired(ledger.acquire(uid, stream));
            case RELEASE -> new Answer.Applied(ledger.release(uid, stream));
            case CHECK -> new Answer.Checked(ledger.check(uid).open());
            case POISON -> throw new IllegalArgumentException(kind.toString());
        };
    }

    /**
     * Clients overlapping in time, made by one thread so that a seed repeats: each operation takes
     * effect when it starts and returns a few steps later. The store now and then writes over a
     * newer state (a lost update, as without its version check), so the limit can be exceeded.
     */
    private static String concurrentRun(long seed) {
        Random random = new Random(seed);
        LedgerStore store = losingUpdates(new InMemoryLedgerStore(), random);
        Ledger ledger = new Ledger(store, ChaosRun.SETTINGS, new ManualClock(Instant.parse("2026-01-01T00:00:00Z")));
        History history = new History();
        List<Object[]> running = new java.util.ArrayList<>(); // {kind, stream, invoked, answer}
        for (int i = 0; i < 3_000; i++) {
            if (!running.isEmpty() && (running.size() >= 4 || random.nextBoolean())) {
                Object[] op = running.remove(random.nextInt(running.size()));
                history.record((OpKind) op[0], "u", (String) op[1], "test", (long) op[2], history.tick(), -1, (Answer) op[3]);
                continue;
            }
            String stream = "s" + random.nextInt(12);
            int roll = random.nextInt(10);
            OpKind kind = roll < 6 ? OpKind.ACQUIRE : roll < 8 ? OpKind.RELEASE : OpKind.CHECK;
            long invoked = history.tick();
            running.add(new Object[] {kind, kind == OpKind.CHECK ? null : stream, invoked, call(ledger, kind, "u", stream)});
        }
        for (Object[] op : running) {
            history.record((OpKind) op[0], "u", (String) op[1], "test", (long) op[2], history.tick(), -1, (Answer) op[3]);
        }
        return tally(new HistoryChecker(ChaosRun.SETTINGS).checkConcurrent(history.ops(), Map.of("u", store.read("u")),
                Instant.parse("2026-01-01T00:00:00Z").toEpochMilli()));
    }

    /** Remembers the states it wrote and sometimes reads back an older one, and writes without a version check. */
    private static LedgerStore losingUpdates(LedgerStore inner, Random random) {
        return new LedgerStore() {
            private UidLedger previous;

            @Override
            public UidLedger read(String uid) {
                UidLedger current = inner.read(uid);
                return previous != null && random.nextInt(8) == 0
                        ? new UidLedger(uid, previous.active(), previous.closed(), previous.denied(), current.version())
                        : current;
            }

            @Override
            public boolean compareAndSet(UidLedger next, long expectedVersion) {
                previous = inner.read(next.uid());
                return inner.compareAndSet(next, expectedVersion);
            }
        };
    }

    /** Violations by "invariant [uid]" with how often each was found, and a fingerprint of their full text. */
    private static String tally(List<Violation> violations) {
        Map<String, Integer> tally = new TreeMap<>();
        violations.forEach(v -> tally.merge(v.invariant() + " [" + v.uid() + "]", 1, Integer::sum));
        // Each violation's invariant, uid and the operation (or stream) it names, in the order found:
        // the same seed must find the same ones. (The rest of a detail prints sets in no fixed order.)
        tally.put("~ fingerprint", violations.stream().map(v -> v.invariant() + " [" + v.uid() + "] " + v.detail().split(" ")[0])
                .toList().hashCode());
        return tally.toString();
    }

    private static Answer acquired(AcquireResult r) {
        return new Answer.Acquired(r.allowed(), r.open(), r.leaseExpiresAt());
    }

    // ------------------------------------------------------------ broken stores

    private static UidLedger leasesForever(UidLedger next) {
        Map<String, Long> active = new HashMap<>();
        next.active().keySet().forEach(s -> active.put(s, Long.MAX_VALUE / 2));
        return new UidLedger(next.uid(), active, next.closed(), next.denied(), next.version());
    }

    private static UnaryOperator<UidLedger> dropOneStreamIn(int writes) {
        int[] count = {0};
        return next -> {
            if (++count[0] % writes != 0 || next.active().isEmpty()) {
                return next;
            }
            Map<String, Long> active = new TreeMap<>(next.active());
            active.remove(((TreeMap<String, Long>) active).firstKey());
            return new UidLedger(next.uid(), active, next.closed(), next.denied(), next.version());
        };
    }
}
