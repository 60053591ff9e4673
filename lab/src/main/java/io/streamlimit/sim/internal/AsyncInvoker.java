package io.streamlimit.sim.internal;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.rules.AsyncReader;
import io.streamlimit.aws.rules.AsyncRetrySchedule;
import java.util.ArrayDeque;
import java.util.Random;

/**
 * Lambda's asynchronous invocation queue (SNS -> Lambda) in virtual time. Events whose attempt is
 * due wait in line for the {@link AsyncReader}; a throttled or failed attempt is rescheduled by
 * the {@link AsyncRetrySchedule}, and an event past its maximum age is dead-lettered. Throttled
 * events are not told when concurrency frees up, which is why a small reservation drains slowly.
 */
final class AsyncInvoker implements Scheduler.Action, DelayLine.Sink, LambdaFunction.Caller {

    private static final long READ = -1;

    private final Scheduler scheduler;
    private final LambdaFunction function;
    private final Recorder recorder;
    private final EventStates events;
    private final Random random;
    private final AsyncRetrySchedule retries;
    private final AsyncReader reader;
    private final ArrayDeque<Integer> due = new ArrayDeque<>();
    private final long[] enqueuedAt;
    private final short[] throttles;
    private final byte[] errorRetries;
    private final boolean[] backlogged;
    private final int[] single = new int[1];
    private boolean readScheduled;
    // Events waiting to retry after a throttle: the backlog that spreads their retries.
    private int throttledBacklog;

    AsyncInvoker(Scheduler scheduler, AwsBehaviour aws, LambdaFunction function, Recorder recorder,
                 EventStates events, Random random) {
        this.scheduler = scheduler;
        this.function = function;
        this.recorder = recorder;
        this.events = events;
        this.random = random;
        this.retries = new AsyncRetrySchedule(aws);
        this.reader = AsyncReader.of(aws);
        this.enqueuedAt = new long[events.total()];
        this.throttles = new short[events.total()];
        this.errorRetries = new byte[events.total()];
        this.backlogged = new boolean[events.total()];
    }

    /** SNS hands over an event. */
    @Override
    public void accept(int id, int unused) {
        enqueuedAt[id] = scheduler.now();
        becomeDue(id);
    }

    /** A retry timer (the event's id) or the reader's next read. */
    @Override
    public void fire(long tag) {
        if (tag != READ) {
            becomeDue((int) tag);
            return;
        }
        attempt(due.pollFirst());
        if (due.isEmpty()) {
            readScheduled = false;
        } else {
            scheduler.at(reader.reserve(scheduler.now(), random), Scheduler.ACT, this, READ);
        }
    }

    private void becomeDue(int id) {
        due.addLast(id);
        if (!readScheduled) {
            readScheduled = true;
            scheduler.at(reader.reserve(scheduler.now(), random), Scheduler.ACT, this, READ);
        }
    }

    private void attempt(int id) {
        long now = scheduler.now();
        if (backlogged[id]) {
            backlogged[id] = false;
            throttledBacklog--;
        }
        if (retries.expired(now, enqueuedAt[id])) {
            deadLetter(id);
            return;
        }
        single[0] = id;
        if (function.tryInvoke(this, single, 1)) {
            return;
        }
        recorder.throttle(now, id, 1);
        backlogged[id] = true;
        throttledBacklog++;
        long retryAt = retries.afterThrottle(now, enqueuedAt[id], throttles[id], throttledBacklog, random);
        if (throttles[id] < Short.MAX_VALUE) {
            throttles[id]++;
        }
        scheduler.at(retryAt, Scheduler.ACT, this, id);
    }

    @Override
    public void onResult(Invocation invocation) {
        int id = invocation.ids[0];
        long now = scheduler.now();
        if (invocation.succeeded[0]) {
            events.succeeded(id, now);
            return;
        }
        if (retries.afterError(now, errorRetries[id]) instanceof AsyncRetrySchedule.RetryAt retry) {
            errorRetries[id]++;
            scheduler.at(retry.at(), Scheduler.ACT, this, id);
        } else {
            deadLetter(id);
        }
    }

    private void deadLetter(int id) {
        long now = scheduler.now();
        recorder.deadLetter(now, id);
        events.dead(id, now);
    }
}
