package io.streamlimit.sim.internal;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.scenario.ConsumerSpec;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The consumer function: admits an invocation if a unit of concurrency is free (reserved
 * concurrency is the ceiling, else the account's unreserved pool), runs it on a warm environment
 * or a new one (a cold start, and at most {@code environmentsAddedPerWindow} new ones per
 * scaling window), calls the downstream once per record in parallel, and enforces the function
 * timeout. The handler lasts as long as its calls, {@code callMillis}.
 *
 * <p>Provisioned concurrency: {@code consumer.provisionedConcurrency} environments exist,
 * initialized, before t = 0 and are used first, as Lambda routes to provisioned environments
 * before it spills over to on-demand ones; only on-demand environments start cold.
 */
final class LambdaFunction {

    /** Who invoked: told the outcome when the invocation ends. */
    interface Caller {
        void onResult(Invocation invocation);
    }

    private final Scheduler scheduler;
    private final AwsBehaviour aws;
    private final Recorder recorder;
    private final EventStates events;
    private final DownstreamLimit downstream;
    private final int ceiling;
    private final long timeoutMillis;
    private final long callMillis;
    private final long coldStartMillis;
    private final ArrayDeque<Environment> idleProvisioned = new ArrayDeque<>();
    private final ArrayDeque<Environment> idle = new ArrayDeque<>();
    private int busy;
    private int environments;
    private long batches;
    private long windowStart;
    private int createdInWindow;

    LambdaFunction(Scheduler scheduler, AwsBehaviour aws, ConsumerSpec consumer, int callMillis,
                   Recorder recorder, EventStates events, DownstreamLimit downstream) {
        this.scheduler = scheduler;
        this.aws = aws;
        this.recorder = recorder;
        this.events = events;
        this.downstream = downstream;
        this.ceiling = consumer.reservedConcurrency() != null
                ? consumer.reservedConcurrency()
                : aws.unreservedConcurrency();
        this.timeoutMillis = consumer.timeoutSeconds() * 1_000L;
        this.callMillis = callMillis;
        this.coldStartMillis = aws.coldStart().toMillis();
        recorder.provisionedConcurrency = consumer.provisionedConcurrency();
        for (int i = 1; i <= consumer.provisionedConcurrency(); i++) {
            idleProvisioned.addFirst(new Environment("p-" + i, true)); // p-1 is used first
        }
    }

    /**
     * Invokes the function synchronously with {@code count} records; false when throttled (the
     * caller records and retries as its service does).
     */
    boolean tryInvoke(Caller caller, int[] ids, int count) {
        long now = scheduler.now();
        if (busy >= ceiling) {
            return false;
        }
        Environment environment = idleProvisioned.pollLast();
        if (environment == null) {
            environment = idle.pollLast();
        }
        boolean cold = environment == null;
        if (cold) {
            if (!mayCreateEnvironment(now)) {
                return false;
            }
            environment = new Environment("c-" + (++environments), false);
            recorder.coldStart(now, environment.cacheId, coldStartMillis);
        }
        busy++;
        int[] batch = Arrays.copyOf(ids, count);
        Invocation invocation = new Invocation(this, caller, batch, environment, "b-" + (++batches));
        scheduler.at(now + (cold ? coldStartMillis : 0), Scheduler.ACT, invocation, Invocation.START);
        return true;
    }

    /** True when no invocation is starting or running. */
    boolean idle() {
        return busy == 0;
    }

    private boolean mayCreateEnvironment(long now) {
        long windowMillis = aws.scalingWindow().toMillis();
        long window = now - now % windowMillis;
        if (window != windowStart) {
            windowStart = window;
            createdInWindow = 0;
        }
        if (createdInWindow >= aws.environmentsAddedPerWindow()) {
            return false;
        }
        createdInWindow++;
        return true;
    }

    void start(Invocation invocation) {
        long now = scheduler.now();
        invocation.startedAt = now;
        invocation.timedOut = callMillis > timeoutMillis;
        invocation.durationMillis = invocation.timedOut ? timeoutMillis : callMillis;
        recorder.invocationStarted(now, invocation.batchId, invocation.environment.cacheId,
                invocation.durationMillis, invocation.ids.length, invocation.environment.provisioned);
        for (int i = 0; i < invocation.ids.length; i++) {
            invocation.succeeded[i] = downstream.call(now) && !invocation.timedOut;
        }
        scheduler.at(now + invocation.durationMillis, Scheduler.END, invocation, Invocation.END);
    }

    void end(Invocation invocation) {
        long now = scheduler.now();
        recorder.invocationEnded();
        busy--;
        (invocation.environment.provisioned ? idleProvisioned : idle).addLast(invocation.environment);
        if (invocation.timedOut) {
            recorder.timeout(now, invocation.batchId, invocation.environment.cacheId,
                    invocation.durationMillis, invocation.ids.length);
        }
        boolean any = false;
        for (int i = 0; i < invocation.ids.length; i++) {
            if (invocation.succeeded[i]) {
                any = true;
                int id = invocation.ids[i];
                recorder.row(id, events.sentAt(id), invocation.startedAt, now, invocation.batchId,
                        invocation.environment.cacheId);
                if (!events.completed(id)) {
                    recorder.duplicates++;
                }
            }
        }
        if (!any) {
            recorder.wastedInvocations++;
        }
        invocation.caller.onResult(invocation);
    }
}
