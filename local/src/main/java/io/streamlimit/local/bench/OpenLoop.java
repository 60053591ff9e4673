package io.streamlimit.local.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Offers requests at a fixed rate, whatever the answers take (open loop): a scheduler thread
 * hands each request to a client pool at its planned start, and its latency is measured from that
 * planned start. A slow answer therefore delays, and is charged to, every request queued behind
 * it, as it would be for real clients arriving independently (no coordinated omission).
 */
final class OpenLoop {

    @FunctionalInterface
    interface Request {
        void send(long index) throws Exception;
    }

    private OpenLoop() {
    }

    /** What one or more measurement windows saw; latencies in nanoseconds from each planned start. */
    record Result(double offeredPerSecond, int clientThreads, long requests, long errors, double seconds, long[] latencies) {

        Result plus(Result other) {
            long[] all = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
            System.arraycopy(other.latencies, 0, all, latencies.length, other.latencies.length);
            return new Result(offeredPerSecond, clientThreads, requests + other.requests, errors + other.errors,
                    seconds + other.seconds, all);
        }

        RateFigures figures() {
            return new RateFigures(offeredPerSecond, clientThreads, requests, errors, (requests - errors) / seconds,
                    LatencySummary.ofNanos(latencies.clone()));
        }
    }

    static RateFigures run(String name, double perSecond, int clientThreads, Duration warmUp, Duration measure, Request request)
            throws InterruptedException {
        return measure(name, perSecond, clientThreads, warmUp, measure, request).figures();
    }

    /** What two requests offered alternately saw, each on its own. */
    record Pair(Result first, Result second) {
    }

    /**
     * Offers {@code first} and {@code second} alternately, each at {@code perSecondEach}: both
     * see the same moments of a shared, noisy machine, so a ratio of their latencies does not
     * drift with its load as one of windows measured one after the other would.
     */
    static Pair measureInterleaved(String name, double perSecondEach, int clientThreads, Duration warmUp, Duration measure,
                                   Request first, Request second) throws InterruptedException {
        if (!warmUp.isZero()) {
            offer(name, 2 * perSecondEach, clientThreads, warmUp, alternately(first, second, new AtomicLongArray(2)));
        }
        AtomicLongArray errors = new AtomicLongArray(2);
        Result both = offer(name, 2 * perSecondEach, clientThreads, measure, alternately(first, second, errors));
        return new Pair(side(both, 0, perSecondEach, errors.get(0)), side(both, 1, perSecondEach, errors.get(1)));
    }

    /** Even indexes go to {@code first}, odd ones to {@code second}, each numbered from 0; errors counted by side. */
    private static Request alternately(Request first, Request second, AtomicLongArray errors) {
        return index -> {
            int side = (int) (index % 2);
            try {
                (side == 0 ? first : second).send(index / 2);
            } catch (Exception | AssertionError e) {
                errors.incrementAndGet(side);
                throw e;
            }
        };
    }

    private static Result side(Result both, int side, double perSecondEach, long errors) {
        long[] latencies = new long[(int) ((both.latencies.length - side + 1) / 2)];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = both.latencies[2 * i + side];
        }
        return new Result(perSecondEach, both.clientThreads, latencies.length, errors,
                both.seconds, latencies);
    }

    /** Offers {@code warmUp} unmeasured, then {@code measure} measured. */
    static Result measure(String name, double perSecond, int clientThreads, Duration warmUp, Duration measure, Request request)
            throws InterruptedException {
        if (!warmUp.isZero()) {
            offer(name, perSecond, clientThreads, warmUp, request);
        }
        return offer(name, perSecond, clientThreads, measure, request);
    }

    private static Result offer(String name, double perSecond, int clientThreads, Duration duration, Request request)
            throws InterruptedException {
        int count = (int) Math.max(1, Math.round(perSecond * duration.toNanos() / 1e9));
        long interval = Math.round(1e9 / perSecond);
        AtomicLongArray latencies = new AtomicLongArray(count);
        AtomicLong errors = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(clientThreads, r -> {
            Thread t = new Thread(r, "bench-" + name + "-client-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime() + 20_000_000L;
        try {
            for (int i = 0; i < count; i++) {
                long planned = start + i * interval;
                for (long wait = planned - System.nanoTime(); wait > 0; wait = planned - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                int index = i;
                clients.execute(() -> {
                    try {
                        request.send(index);
                    } catch (Exception | AssertionError e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e);
                    }
                    long end = System.nanoTime();
                    latencies.set(index, end - planned);
                    lastEnd.accumulateAndGet(end, Math::max);
                });
            }
        } finally {
            clients.shutdown();
        }
        if (!clients.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            clients.shutdownNow();
            throw new IllegalStateException(name + ": requests still unanswered a minute after the last was sent");
        }
        if (errors.get() == count) {
            throw new IllegalStateException(name + ": every request failed; the first: " + firstError.get(), firstError.get());
        }
        double seconds = Math.max(1e-9, (lastEnd.get() - start) / 1e9);
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            nanos[i] = latencies.get(i);
        }
        return new Result(perSecond, clientThreads, count, errors.get(), seconds, nanos);
    }
}
