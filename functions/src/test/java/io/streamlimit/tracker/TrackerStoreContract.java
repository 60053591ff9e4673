package io.streamlimit.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link TrackerStore} must have; each implementation's test extends this. */
abstract class TrackerStoreContract {

    /** A store on a fresh, empty table. */
    abstract TrackerStore newStore();

    /** A second store on the same table as the last {@link #newStore()}, as another instance would have. */
    abstract TrackerStore sameTableStore();

    private static String token() {
        return UUID.randomUUID().toString();
    }

    @Test
    void unknown_token_counts_nothing() {
        TrackerStore store = newStore();
        assertThat(store.increment(token(), "/")).isEmpty();
    }

    @Test
    void counts_start_at_one_and_rise_per_path() {
        TrackerStore store = newStore();
        String token = token();
        assertThat(store.createToken(token, 0)).isTrue();

        assertThat(store.increment(token, "/")).hasValue(1);
        assertThat(store.increment(token, "/")).hasValue(2);
        assertThat(store.increment(token, "/my/path")).hasValue(1);
        assertThat(store.increment(token, "/")).hasValue(3);
    }

    @Test
    void tokens_do_not_share_counts() {
        TrackerStore store = newStore();
        String a = token();
        String b = token();
        store.createToken(a, 0);
        store.createToken(b, 0);

        store.increment(a, "/");
        store.increment(a, "/");
        assertThat(store.increment(b, "/")).hasValue(1);
        assertThat(store.increment(a, "/")).hasValue(3);
    }

    @Test
    void creating_a_token_twice_reports_the_duplicate() {
        TrackerStore store = newStore();
        String token = token();
        assertThat(store.createToken(token, 0)).isTrue();
        assertThat(store.createToken(token, 1)).isFalse();
    }

    @Test
    void another_instance_on_the_same_table_continues_the_count() {
        TrackerStore first = newStore();
        String token = token();
        first.createToken(token, 0);
        first.increment(token, "/");

        assertThat(sameTableStore().increment(token, "/")).hasValue(2);
    }

    @Test
    void concurrent_increments_on_a_fresh_path_return_every_count_exactly_once() throws Exception {
        TrackerStore store = newStore();
        TrackerStore other = sameTableStore();
        String token = token();
        store.createToken(token, 0);
        int threads = 8;
        int perThread = 100;
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                TrackerStore mine = t % 2 == 0 ? store : other;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        assertThat(seen.add(mine.increment(token, "/fresh").orElseThrow())).isTrue();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, (long) threads * perThread).boxed().toList());
    }
}
