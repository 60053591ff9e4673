package io.streamlimit.local.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Runs an operation from several threads, back to back, for a while: throughput and latency. */
final class ClosedLoop {

    /** One operation; {@code thread} is 0 to threads - 1, {@code iteration} counts that thread's calls. */
    @FunctionalInterface
    interface Operation {
        void run(int thread, long iteration) throws Exception;
    }

    private ClosedLoop() {
    }

    /** What one or more measurement windows saw; latencies in nanoseconds. */
    record Result(int threads, long operations, long errors, double seconds, long[] latencies) {

        /** Both windows as one measurement: their operations over their summed time, all latencies. */
        Result plus(Result other) {
            long[] all = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
            System.arraycopy(other.latencies, 0, all, latencies.length, other.latencies.length);
            return new Result(threads, operations + other.operations, errors + other.errors, seconds + other.seconds, all);
        }

        OpsFigures figures() {
            return new OpsFigures(threads, operations, errors, seconds, (operations - errors) / seconds,
                    LatencySummary.ofNanos(latencies.clone()));
        }
    }

    /** Runs {@code warmUp} unmeasured, then {@code measure} measured, from {@code threads} threads. */
    static OpsFigures run(String name, int threads, Duration warmUp, Duration measure, Operation operation)
            throws InterruptedException {
        return measure(name, threads, warmUp, measure, operation).figures();
    }

    /** As {@link #run}, keeping the latencies so that windows can be combined. */
    static Result measure(String name, int threads, Duration warmUp, Duration measure, Operation operation)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong measureStart = new AtomicLong();
        AtomicLong lastEnd = new AtomicLong();
        AtomicLong operations = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        List<LatencySamples> samples = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            LatencySamples mine = new LatencySamples();
            samples.add(mine);
            int thread = t;
            Thread worker = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long start = measureStart.get();
                long end = start + measure.toNanos();
                long ops = 0;
                long failed = 0;
                long iteration = 0;
                long now = System.nanoTime();
                while (now < end) {
                    boolean measured = now >= start;
                    try {
                        operation.run(thread, iteration++);
                    } catch (Exception | AssertionError e) {
                        firstError.compareAndSet(null, e);
                        if (measured) {
                            failed++;
                        }
                    }
                    long done = System.nanoTime();
                    if (measured) {
                        mine.add(done - now);
                        ops++;
                    }
                    now = done;
                }
                operations.addAndGet(ops);
                errors.addAndGet(failed);
                lastEnd.accumulateAndGet(now, Math::max);
            }, "bench-" + name + "-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        ready.await();
        measureStart.set(System.nanoTime() + warmUp.toNanos());
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        long ok = operations.get() - errors.get();
        if (ok == 0 && firstError.get() != null) {
            throw new IllegalStateException(name + ": every operation failed; the first: " + firstError.get(), firstError.get());
        }
        double seconds = Math.max(1e-9, (lastEnd.get() - measureStart.get()) / 1e9);
        return new Result(threads, operations.get(), errors.get(), seconds, LatencySamples.merge(samples));
    }
}
