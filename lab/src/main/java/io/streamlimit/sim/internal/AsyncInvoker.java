package io.streamlimit.sim.internal;

import io.streamlimit.aws.AwsBehaviour;
import java.util.Random;

/**
 * Lambda's asynchronous invocation queue (SNS -> Lambda). Each event is tried at once; a
 * throttled one is retried with exponential backoff ({@code asyncThrottleInitialBackoff} up to
 * {@code asyncThrottleMaxBackoff}) until {@code asyncMaximumEventAge}, a failed one (error or
 * timeout) is retried {@code asyncErrorRetries} times about one and two minutes later; then the
 * event goes to the on-failure destination. Throttled events are not told when concurrency
 * frees up, which is why a small reservation drains slowly.
 */
final class AsyncInvoker implements Scheduler.Action, DelayLine.Sink, LambdaFunction.Caller {

    private final Scheduler scheduler;
    private final AwsBehaviour aws;
    private final LambdaFunction function;
    private final Recorder recorder;
    private final EventStates events;
    private final Random random;
    private final long[] enqueuedAt;
    private final byte[] throttleAttempts;
    private final byte[] errorRetries;
    private final int[] single = new int[1];

    AsyncInvoker(Scheduler scheduler, AwsBehaviour aws, LambdaFunction function, Recorder recorder,
                 EventStates events, Random random) {
        this.scheduler = scheduler;
        this.aws = aws;
        this.function = function;
        this.recorder = recorder;
        this.events = events;
        this.random = random;
        this.enqueuedAt = new long[events.total()];
        this.throttleAttempts = new byte[events.total()];
        this.errorRetries = new byte[events.total()];
    }

    /** SNS hands over an event. */
    @Override
    public void accept(int id, int unused) {
        enqueuedAt[id] = scheduler.now();
        attempt(id);
    }

    /** A retry timer. */
    @Override
    public void fire(long tag) {
        attempt((int) tag);
    }

    private void attempt(int id) {
        long now = scheduler.now();
        long expiresAt = enqueuedAt[id] + aws.asyncMaximumEventAge().toMillis();
        if (now >= expiresAt) {
            deadLetter(id);
            return;
        }
        single[0] = id;
        if (function.tryInvoke(this, single, 1)) {
            return;
        }
        recorder.throttle(now, id, 1);
        long retryAt = now + throttleBackoff(throttleAttempts[id]);
        if (throttleAttempts[id] < Byte.MAX_VALUE) {
            throttleAttempts[id]++;
        }
        scheduler.at(Math.min(retryAt, expiresAt), Scheduler.ACT, this, id);
    }

    /** Doubling from the initial backoff to the maximum, up to a fifth shorter at random. */
    private long throttleBackoff(int attempt) {
        long initial = aws.asyncThrottleInitialBackoff().toMillis();
        long max = aws.asyncThrottleMaxBackoff().toMillis();
        long step = Math.min(max, initial << Math.min(attempt, 30));
        return step - random.nextLong(step / 5 + 1);
    }

    @Override
    public void onResult(Invocation invocation) {
        int id = invocation.ids[0];
        long now = scheduler.now();
        if (invocation.succeeded[0]) {
            events.succeeded(id, now);
            return;
        }
        int retries = errorRetries[id];
        if (retries >= aws.asyncErrorRetries()) {
            deadLetter(id);
            return;
        }
        errorRetries[id]++;
        long delay = (retries == 0 ? aws.asyncFirstErrorRetryDelay() : aws.asyncSecondErrorRetryDelay()).toMillis();
        scheduler.at(now + delay, Scheduler.ACT, this, id);
    }

    private void deadLetter(int id) {
        long now = scheduler.now();
        recorder.deadLetter(now, id);
        events.dead(id, now);
    }
}
