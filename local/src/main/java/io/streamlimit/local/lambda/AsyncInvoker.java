package io.streamlimit.local.lambda;

import io.streamlimit.aws.AwsBehaviour;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lambda's asynchronous invocation (as used by SNS -> Lambda): events wait in an internal queue;
 * a throttled event is retried with backoff (1 s doubling to 5 min) until it is older than the
 * maximum event age; a failed one is retried twice (about 1 and 2 minutes later); then it goes
 * to the on-failure destination.
 */
public final class AsyncInvoker<I> implements AutoCloseable {

    private final LambdaFunction<I, ?> function;
    private final AwsBehaviour behaviour;
    private final Clock clock;
    private final AsyncObserver<I> observer;
    private final DelayQueue<Pending<I>> queue = new DelayQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();
    private final List<Thread> dispatchers = new ArrayList<>();

    /** @param dispatchers how many events the queue tries to invoke at once */
    public AsyncInvoker(LambdaFunction<I, ?> function, AwsBehaviour behaviour, Clock clock, AsyncObserver<I> observer, int dispatchers) {
        this.function = function;
        this.behaviour = behaviour;
        this.clock = clock;
        this.observer = observer;
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
        queue.add(new Pending<>(event, now, now, 0, behaviour.asyncThrottleInitialBackoff().toMillis(), sequence.incrementAndGet()));
    }

    /** Events accepted and not yet finished (succeeded or dead-lettered). */
    public int pending() {
        return inFlight.get();
    }

    private void dispatchLoop() {
        while (running.get()) {
            Pending<I> next;
            try {
                next = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next != null) {
                attempt(next);
            }
        }
    }

    private void attempt(Pending<I> p) {
        InvokeResult<?> result = function.invoke(p.event(), 1);
        long now = clock.millis();
        if (result instanceof InvokeResult.Success) {
            inFlight.decrementAndGet();
        } else if (result instanceof InvokeResult.Throttled) {
            long retryAt = now + p.throttleBackoffMillis();
            if (retryAt - p.acceptedAtMillis() > behaviour.asyncMaximumEventAge().toMillis()) {
                giveUp(p, "throttled until older than the maximum event age");
            } else {
                long nextBackoff = Math.min(p.throttleBackoffMillis() * 2, behaviour.asyncThrottleMaxBackoff().toMillis());
                queue.add(new Pending<>(p.event(), p.acceptedAtMillis(), retryAt, p.errorRetries(), nextBackoff, sequence.incrementAndGet()));
            }
        } else if (p.errorRetries() < behaviour.asyncErrorRetries()) {
            Duration delay = p.errorRetries() == 0 ? behaviour.asyncFirstErrorRetryDelay() : behaviour.asyncSecondErrorRetryDelay();
            observer.retried(p.event(), p.errorRetries() + 2, clock.instant().plus(delay));
            queue.add(new Pending<>(p.event(), p.acceptedAtMillis(), now + delay.toMillis(), p.errorRetries() + 1,
                    p.throttleBackoffMillis(), sequence.incrementAndGet()));
        } else {
            giveUp(p, "failed on every retry");
        }
    }

    private void giveUp(Pending<I> p, String reason) {
        inFlight.decrementAndGet();
        observer.deadLettered(p.event(), reason, clock.instant());
    }

    @Override
    public void close() {
        running.set(false);
        dispatchers.forEach(Thread::interrupt);
    }

    /** One event waiting in the queue; ordered by due time, then by arrival. */
    private record Pending<I>(I event, long acceptedAtMillis, long dueAtMillis, int errorRetries, long throttleBackoffMillis, long seq)
            implements Delayed {

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueAtMillis - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Pending<?> o = (Pending<?>) other;
            int byTime = Long.compare(dueAtMillis, o.dueAtMillis);
            return byTime != 0 ? byTime : Long.compare(seq, o.seq);
        }
    }
}
