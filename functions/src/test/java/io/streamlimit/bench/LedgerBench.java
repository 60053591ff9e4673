package io.streamlimit.bench;

import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.testing.LocalDynamoDb;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Acquire and check rates of the ledger on dynalite. Not a test: run it by hand,
 * on a quiet machine, with the test classpath:
 *
 * <pre>
 * ./mvnw -q -o -pl functions test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.streamlimit.bench.LedgerBench -Dexec.args="8 10"
 * </pre>
 *
 * Arguments: threads (default 8), seconds per measurement (default 10).
 */
public final class LedgerBench {

    private static final int UIDS = 1_000;

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Ledger ledger = new Ledger(LocalDynamoDb.newLedgerStore(), LedgerSettings.defaults(), Clock.systemUTC());

        measure("warm-up", threads, 3, random -> ledger.acquire(uid(random), "s" + random.nextInt(5)));
        measure("acquire (1,000 uids, 5 streams each)", threads, seconds,
                random -> ledger.acquire(uid(random), "s" + random.nextInt(5)));
        measure("acquire (one hot uid)", threads, seconds,
                random -> ledger.acquire("hot", "s" + random.nextInt(5)));
        measure("check (1,000 uids)", threads, seconds, random -> ledger.check(uid(random)));
        System.exit(0);
    }

    private static String uid(ThreadLocalRandom random) {
        return "uid-" + random.nextInt(UIDS);
    }

    private static void measure(String name, int threads, int seconds, Consumer<ThreadLocalRandom> operation)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        LongAdder done = new LongAdder();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                    operation.accept(random);
                    done.increment();
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        System.out.printf("%-40s %3d threads: %,8.0f ops/s%n", name, threads, done.sum() / (double) seconds);
    }
}
