package io.streamlimit.consumer;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads on which one consumer function applies a batch's uids side by side: at most
 * {@code threads} at once, further uids wait their turn. The function's wiring creates one and
 * closes it with the function. Idle threads end after a few seconds, and they are daemons, so a
 * pool nobody closes costs nothing once idle.
 */
public final class LedgerWriters implements Executor, AutoCloseable {

    /** A Lambda environment runs one batch at a time, and SQS's default batch is 10 messages. */
    public static final int PER_ENVIRONMENT = 10;
    private static final long IDLE_SECONDS = 5;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ThreadPoolExecutor pool;
    private final int threads;

    /** @param threads at most this many uids applied at once, from 1 */
    public LedgerWriters(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("ledger writer threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        String prefix = "ledger-writer-" + POOLS.incrementAndGet() + "-";
        AtomicInteger created = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, prefix + created.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    public int threads() {
        return threads;
    }

    /** Tasks submitted and not yet started, because every thread is busy. */
    int waiting() {
        return pool.getQueue().size();
    }

    /** Lets the tasks already submitted finish; accepts no more. */
    @Override
    public void close() {
        pool.shutdown();
    }
}
