package io.streamlimit.sim.internal;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.rules.DownstreamWindow;
import io.streamlimit.aws.rules.FifoBatchFailures;
import io.streamlimit.aws.rules.FunctionFaults;
import io.streamlimit.aws.rules.FunctionScaling;
import io.streamlimit.aws.rules.FunctionScaling.Placement;
import io.streamlimit.scenario.ConsumerSpec;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;

/**
 * The consumer function in virtual time: {@link FunctionScaling} decides whether an invoke is
 * throttled and where it runs (provisioned, warm or cold); this class keeps the environments,
 * calls the downstream once per record in parallel, and enforces the function timeout. The
 * handler lasts as long as its calls, {@code callMillis}. An environment whose invocation timed
 * out goes back to its pool reset, as {@link FunctionScaling#environmentAfter} says: its next
 * invocation runs the init (a cold start on the same environment). The consumer's own failures
 * ({@code consumer.errorRate}, {@code consumer.timeoutRate}) are drawn by {@link FunctionFaults}
 * from the run's seeded source.
 *
 * <p>Provisioned concurrency: {@code consumer.provisionedConcurrency} environments exist,
 * initialized, before t = 0.
 */
final class LambdaFunction {

    /** Who invoked: told the outcome when the invocation ends. */
    interface Caller {
        void onResult(Invocation invocation);
    }

    private final Scheduler scheduler;
    private final Recorder recorder;
    private final EventStates events;
    private final DownstreamWindow downstream;
    private final FunctionScaling scaling;
    private final long timeoutMillis;
    private final long callMillis;
    private final FunctionFaults faults;
    private final Random random;
    private final ArrayDeque<Environment> idleProvisioned = new ArrayDeque<>();
    private final ArrayDeque<Environment> idle = new ArrayDeque<>();
    private int busy;
    private int environments;
    private long batches;
    private final boolean fifoSource;
    private final AppliedOrder order;

    LambdaFunction(Scheduler scheduler, AwsBehaviour aws, ConsumerSpec consumer, int callMillis,
                   Recorder recorder, EventStates events, DownstreamWindow downstream, Random random) {
        this(scheduler, aws, consumer, callMillis, recorder, events, downstream, random, false, null);
    }

    /**
     * @param fifoSource the consumer reads a FIFO queue: it stops at a batch's first failure and
     *     reports the rest failed ({@link FifoBatchFailures})
     * @param order told each record's successful downstream call (null: nobody)
     */
    LambdaFunction(Scheduler scheduler, AwsBehaviour aws, ConsumerSpec consumer, int callMillis,
                   Recorder recorder, EventStates events, DownstreamWindow downstream, Random random,
                   boolean fifoSource, AppliedOrder order) {
        this.fifoSource = fifoSource;
        this.order = order;
        this.scheduler = scheduler;
        this.recorder = recorder;
        this.events = events;
        this.downstream = downstream;
        this.scaling = FunctionScaling.of(aws, consumer.reservedConcurrency(), consumer.snapStart());
        this.timeoutMillis = consumer.timeoutSeconds() * 1_000L;
        this.callMillis = callMillis;
        this.faults = consumer.faults();
        this.random = random;
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
        Placement placement = scaling.place(now, busy, !idleProvisioned.isEmpty(), !idle.isEmpty());
        Environment environment;
        switch (placement) {
            case THROTTLED -> {
                return false;
            }
            case PROVISIONED -> environment = idleProvisioned.pollLast();
            case WARM -> environment = idle.pollLast();
            default -> environment = new Environment("c-" + (++environments), false);
        }
        boolean reset = environment.reset;
        if (placement == Placement.COLD || reset) {
            recorder.coldStart(now, environment.cacheId, scaling.coldStartMillis());
            environment.reset = false;
        }
        busy++;
        int[] batch = Arrays.copyOf(ids, count);
        Invocation invocation = new Invocation(this, caller, batch, environment, "b-" + (++batches));
        scheduler.at(now + scaling.startDelayMillis(placement, reset), Scheduler.ACT, invocation, Invocation.START);
        return true;
    }

    /** True when no invocation is starting or running. */
    boolean idle() {
        return busy == 0;
    }

    void start(Invocation invocation) {
        long now = scheduler.now();
        invocation.startedAt = now;
        invocation.timedOut = callMillis > timeoutMillis || faults.timesOut(random);
        invocation.durationMillis = invocation.timedOut ? timeoutMillis : callMillis;
        recorder.invocationStarted(now, invocation.batchId, invocation.environment.cacheId,
                invocation.durationMillis, invocation.ids.length, invocation.environment.provisioned);
        int failures = 0;
        for (int i = 0; i < invocation.ids.length; i++) {
            if (fifoSource && !FifoBatchFailures.processes(failures)) {
                invocation.succeeded[i] = false; // reported failed unprocessed, so its group keeps its order
                continue;
            }
            // A record the handler fails makes no call; a hung invocation's calls never complete.
            boolean fails = !invocation.timedOut && faults.recordFails(random);
            invocation.succeeded[i] = !fails && downstream.admit(now) && !invocation.timedOut;
            if (!invocation.succeeded[i]) {
                failures++;
            } else if (order != null) {
                order.applied(invocation.ids[i]);
            }
        }
        scheduler.at(now + invocation.durationMillis, Scheduler.END, invocation, Invocation.END);
    }

    void end(Invocation invocation) {
        long now = scheduler.now();
        recorder.invocationEnded();
        busy--;
        if (FunctionScaling.environmentAfter(invocation.timedOut) == FunctionScaling.EnvironmentAfter.RESET) {
            invocation.environment.reset = true;
        }
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
