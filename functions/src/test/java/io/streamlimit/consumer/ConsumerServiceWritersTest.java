package io.streamlimit.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamlimit.clock.ManualClock;
import io.streamlimit.event.EventParser;
import io.streamlimit.event.EventWriter;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.InMemoryLedgerStore;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.LedgerStore;
import io.streamlimit.ledger.UidLedger;
import io.streamlimit.testing.RecordingDownstream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The threads a consumer applies a batch's uids on: its own, and no more than it was given. */
class ConsumerServiceWritersTest {

    private final ManualClock clock = ManualClock.atDefaultStart();
    private final InvocationInfo invocation = new InvocationInfo("batch-1", "env-1", Instant.EPOCH);

    @Test
    void a_batch_of_five_uids_on_two_writers_runs_at_most_two_writes_at_once_and_the_rest_wait() throws Exception {
        GatedStore store = new GatedStore(new InMemoryLedgerStore());
        RecordingDownstream downstream = new RecordingDownstream();
        LedgerWriters writers = new LedgerWriters(2);
        try (ConsumerService service = new ConsumerService(new EventParser(),
                new Ledger(store, LedgerSettings.defaults(), clock), downstream, writers)) {
            CompletableFuture<List<String>> failed = CompletableFuture.supplyAsync(() -> service.process(opens(5), invocation));

            await().atMost(Duration.ofSeconds(10)).until(() -> store.inside.get() == 2 && writers.waiting() == 3);
            store.gate.countDown();

            assertThat(failed.get(10, TimeUnit.SECONDS)).isEmpty();
            assertThat(store.mostInside.get()).isEqualTo(2);
            assertThat(store.threads).hasSizeLessThanOrEqualTo(2);
            assertThat(downstream.accepted()).hasSize(5);
        }
    }

    @Test
    void two_consumers_apply_on_threads_of_their_own() {
        GatedStore first = new GatedStore(new InMemoryLedgerStore());
        GatedStore second = new GatedStore(new InMemoryLedgerStore());
        first.gate.countDown();
        second.gate.countDown();
        try (ConsumerService a = new ConsumerService(new EventParser(), new Ledger(first, LedgerSettings.defaults(), clock),
                        new RecordingDownstream());
                ConsumerService b = new ConsumerService(new EventParser(), new Ledger(second, LedgerSettings.defaults(), clock),
                        new RecordingDownstream())) {
            assertThat(a.process(opens(4), invocation)).isEmpty();
            assertThat(b.process(opens(4), invocation)).isEmpty();
        }

        assertThat(first.threads).isNotEmpty();
        assertThat(second.threads).isNotEmpty().doesNotContainAnyElementsOf(first.threads);
    }

    /** One open event for each of {@code uids} distinct uids, as messages. */
    private static List<InboundMessage> opens(int uids) {
        return IntStream.range(0, uids)
                .mapToObj(i -> new InboundMessage("m-" + i, EventWriter.toJson(StreamEvent.open("player-" + i, "s-" + i))))
                .toList();
    }

    /** Holds every write until the gate opens, counting the writers inside at once and their threads. */
    private static final class GatedStore implements LedgerStore {

        final CountDownLatch gate = new CountDownLatch(1);
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger mostInside = new AtomicInteger();
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        private final LedgerStore inner;

        GatedStore(LedgerStore inner) {
            this.inner = inner;
        }

        @Override
        public UidLedger read(String uid) {
            return inner.read(uid);
        }

        @Override
        public boolean compareAndSet(UidLedger next, long expectedVersion) {
            threads.add(Thread.currentThread());
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                if (!gate.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never opened the gate");
                }
                return inner.compareAndSet(next, expectedVersion);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inside.decrementAndGet();
            }
        }
    }
}
