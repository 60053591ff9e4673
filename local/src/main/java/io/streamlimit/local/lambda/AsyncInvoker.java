package io.streamlimit.local.lambda;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.rules.AsyncReader;
import io.streamlimit.aws.rules.AsyncRetrySchedule;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lambda's asynchronous invocation (as used by SNS -> Lambda), on the wall clock: events wait in
 * an internal queue until their attempt is due, then in line for the shared {@link AsyncReader}'s
 * next read slot; a throttled or failed attempt is rescheduled by the shared
 * {@link AsyncRetrySchedule}, and an event past its maximum age goes to the on-failure
 * destination. The simulator runs the same two rules in virtual time.
 */
public final class AsyncInvoker<I> implements AutoCloseable {

    private final LambdaFunction<I, ?> function;
    private final Clock clock;
    private final AsyncObserver<I> observer;
    private final Waiter waiter;
    private final AsyncRetrySchedule retries;
    private final AsyncReader reader;
    // Thread-safe; the threads' interleaving makes a local run non-deterministic anyway.
    private final Random random = new Random(1);
    private final DelayQueue<Pending> queue = new DelayQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger inFlight = new AtomicInteger();
    // Events waiting to retry after a throttle: the backlog that spreads their retries.
    private final AtomicInteger throttledBacklog = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private final List<Thread> dispatchers = new ArrayList<>();

    /** @param dispatchers how many events the queue can have in invocation at once */
    public AsyncInvoker(LambdaFunction<I, ?> function, AwsBehaviour behaviour, Clock clock, AsyncObserver<I> observer, int dispatchers) {
        this(function, behaviour, clock, observer, dispatchers, new WallClockWaiter(clock));
    }

    /** The same, waiting through {@code waiter}. */
    public AsyncInvoker(LambdaFunction<I, ?> function, AwsBehaviour behaviour, Clock clock, AsyncObserver<I> observer,
            int dispatchers, Waiter waiter) {
        this.waiter = waiter;
        this.function = function;
        this.clock = clock;
        this.observer = observer;
        this.retries = new AsyncRetrySchedule(behaviour);
        this.reader = AsyncReader.of(behaviour);
        for (int i = 0; i < dispatchers; i++) {
            Thread t = new Thread(this::dispatchLoop, "lambda-async-" + i);
            t.setDaemon(true);
            this.dispatchers.add(t);
            t.start();
        }
    }

    /** Accepts an event (Lambda answers 202 at once). */
    public void enqueue(I event) {
        long now = clock.millis();
        inFlight.incrementAndGet();
        queue.add(new Pending(event, now, now, 0, 0, false));
    }

    /** Events accepted and not yet finished (succeeded or dead-lettered). */
    public String functionName() {
        return function.config().name();
    }

    public int pending() {
        return inFlight.get();
    }

    private void dispatchLoop() {
        while (running.get()) {
            try {
                Pending next = queue.poll(200, TimeUnit.MILLISECONDS);
                if (next != null) {
                    long slot;
                    synchronized (reader) {
                        slot = reader.reserve(clock.millis(), random);
                    }
                    if (!waiter.until(slot)) {
                        return;
                    }
                    attempt(next, slot);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void attempt(Pending p, long slot) {
        if (p.afterThrottle) {
            throttledBacklog.decrementAndGet();
        }
        if (retries.expired(clock.millis(), p.acceptedAtMillis)) {
            giveUp(p, "older than the maximum event age");
            return;
        }
        InvokeResult<?> result = function.invoke(p.event, 1, slot);
        long now = clock.millis();
        if (result instanceof InvokeResult.Success) {
            inFlight.decrementAndGet();
        } else if (result instanceof InvokeResult.Throttled) {
            long retryAt = retries.afterThrottle(now, p.acceptedAtMillis, p.throttles, throttledBacklog.incrementAndGet(), random);
            queue.add(new Pending(p.event, p.acceptedAtMillis, retryAt, p.errorRetries, p.throttles + 1, true));
        } else {
            if (!(retries.afterError(now, p.errorRetries) instanceof AsyncRetrySchedule.RetryAt retry)) {
                giveUp(p, "failed on every retry");
                return;
            }
            observer.retried(p.event, p.errorRetries + 2, Instant.ofEpochMilli(retry.at()));
            queue.add(new Pending(p.event, p.acceptedAtMillis, retry.at(), p.errorRetries + 1, p.throttles, false));
        }
    }

    private void giveUp(Pending p, String reason) {
        inFlight.decrementAndGet();
        observer.deadLettered(p.event, reason, clock.instant());
    }

    @Override
    public void close() {
        running.set(false);
        dispatchers.forEach(Thread::interrupt);
    }

    /** One event waiting in the queue; ordered by due time on the invoker's clock, then by arrival. */
    private final class Pending implements Delayed {

        final I event;
        final long acceptedAtMillis;
        final long dueAtMillis;
        final int errorRetries;
        final int throttles;
        /** Waiting to retry after a throttle: part of the backlog that spreads such retries. */
        final boolean afterThrottle;
        final long seq = sequence.incrementAndGet();

        Pending(I event, long acceptedAtMillis, long dueAtMillis, int errorRetries, int throttles, boolean afterThrottle) {
            this.event = event;
            this.acceptedAtMillis = acceptedAtMillis;
            this.dueAtMillis = dueAtMillis;
            this.errorRetries = errorRetries;
            this.throttles = throttles;
            this.afterThrottle = afterThrottle;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueAtMillis - clock.millis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            @SuppressWarnings("unchecked")
            Pending o = (Pending) other;
            int byTime = Long.compare(dueAtMillis, o.dueAtMillis);
            return byTime != 0 ? byTime : Long.compare(seq, o.seq);
        }
    }
}
