package io.streamlimit.sim.internal;

import io.streamlimit.aws.rules.BatchingWindow;
import io.streamlimit.aws.rules.InvokeRetry;
import io.streamlimit.aws.rules.MappingScaler;
import io.streamlimit.aws.rules.SqsBatchOutcome;
import java.util.Random;

/**
 * One concurrent batch of the event source mapping: long-polls the queue, gathers a batch (up to
 * the batching window), invokes the function synchronously, deletes what succeeded and polls
 * again. How long to gather is {@link BatchingWindow}'s decision; when to invoke, and when to give
 * a throttled batch up, {@link InvokeRetry}'s; each throttle is reported to the mapping's
 * {@link MappingScaler}, and each invocation's {@link SqsBatchOutcome} reports itself.
 * It never looks at the function's concurrency: that is the over-pull the scenarios show.
 */
final class Poller implements Scheduler.Action, LambdaFunction.Caller {

    private static final int RECEIVED = 0;
    private static final int POLL_ENDS = 1;
    private static final int RETRY_INVOKE = 2;
    private static final int GIVE_UP = 3;
    private static final int KIND_BITS = 3;

    private final Scheduler scheduler;
    private final EventSourceMapping mapping;
    private final SqsQueue queue;
    private final LambdaFunction function;
    private final Recorder recorder;
    private final Random random;
    private final BatchingWindow window;
    private final long longPollMillis;
    private final InvokeRetry invokeRetry;
    private final MappingScaler scaler;
    private final int[] ids;
    private final int[] receipts;
    private int count;
    private long firstReceivedAt;
    private long pollEndsAt;
    private boolean waiting;
    // Bumped whenever a pending timer becomes meaningless, so the timer can tell it is stale.
    private long generation;

    Poller(Scheduler scheduler, EventSourceMapping mapping, SqsQueue queue, LambdaFunction function,
           Recorder recorder, Random random, EventSourceMapping.Settings settings) {
        this.scheduler = scheduler;
        this.mapping = mapping;
        this.queue = queue;
        this.function = function;
        this.recorder = recorder;
        this.random = random;
        this.window = settings.window();
        this.longPollMillis = settings.longPollMillis();
        this.invokeRetry = settings.invokeRetry();
        this.scaler = mapping.scaler();
        this.ids = new int[window.batchSize()];
        this.receipts = new int[window.batchSize()];
    }

    /** Starts a receive, or retires if the mapping has scaled down. */
    void poll() {
        if (mapping.retireIfSurplus(this)) {
            return;
        }
        pollEndsAt = scheduler.now() + longPollMillis;
        if (queue.receivable()) {
            receiveSoon();
        } else {
            waitUntil(pollEndsAt);
        }
    }

    /** The queue woke this long poll: messages are visible. */
    void messagesArrived() {
        waiting = false;
        generation++;
        receiveSoon();
    }

    private void receiveSoon() {
        schedule(scheduler.now() + Latencies.SQS_CALL_MILLIS, RECEIVED);
    }

    private void waitUntil(long time) {
        waiting = true;
        queue.addWaiter(this);
        schedule(time, POLL_ENDS);
    }

    @Override
    public void fire(long tag) {
        if ((tag >>> KIND_BITS) != generation) {
            return; // a timer overtaken by events
        }
        switch ((int) (tag & ((1 << KIND_BITS) - 1))) {
            case RECEIVED -> received();
            case POLL_ENDS -> pollEnds();
            case RETRY_INVOKE -> invoke();
            case GIVE_UP -> {
                count = 0; // the batch reappears when its visibility timeout runs out
                poll();
            }
            default -> throw new IllegalStateException("unknown poller timer " + tag);
        }
    }

    private void received() {
        long now = scheduler.now();
        int got = queue.receive(window.batchSize() - count, ids, receipts, count);
        if (got > 0) {
            recorder.sqsReceives++;
            if (count == 0) {
                firstReceivedAt = now;
            }
            count += got;
        }
        if (count == 0) {
            // Others took the messages first: the long poll stays open until it ends.
            if (now >= pollEndsAt) {
                pollEnds();
            } else {
                waitUntil(pollEndsAt);
            }
            return;
        }
        if (window.next(now, count, firstReceivedAt) instanceof BatchingWindow.GatherUntil gather) {
            waitUntil(gather.at());
            return;
        }
        firstInvoke();
    }

    private void firstInvoke() {
        long now = scheduler.now();
        long at = invokeRetry.firstAttempt(now, scaler.backingOff(now), random);
        if (at <= now) {
            invoke();
        } else {
            schedule(at, RETRY_INVOKE);
        }
    }

    private void pollEnds() {
        if (waiting) {
            waiting = false;
            queue.removeWaiter(this);
        }
        generation++;
        if (count > 0) {
            firstInvoke(); // the batching window closed
            return;
        }
        recorder.sqsReceives++;
        recorder.sqsEmptyReceives++;
        poll();
    }

    private void invoke() {
        if (function.tryInvoke(this, ids, count)) {
            return;
        }
        long now = scheduler.now();
        recorder.throttle(now, count == 1 ? ids[0] : null, count);
        scaler.throttled(now);
        InvokeRetry.Attempt next = invokeRetry.nextAttempt(now, firstReceivedAt, random);
        if (next instanceof InvokeRetry.InvokeAt retry) {
            schedule(retry.at(), RETRY_INVOKE);
        } else {
            schedule(((InvokeRetry.LetGo) next).at(), GIVE_UP);
        }
    }

    @Override
    public void onResult(Invocation invocation) {
        // The handler reports the records it failed in batchItemFailures (ReportBatchItemFailures);
        // a timeout fails the whole batch. What stays returns when its visibility timeout runs out.
        int succeeded = 0;
        for (int i = 0; i < count; i++) {
            if (invocation.succeeded[i]) {
                succeeded++;
            }
        }
        SqsBatchOutcome outcome = invocation.timedOut
                ? new SqsBatchOutcome.TimedOut()
                : new SqsBatchOutcome.Returned(count - succeeded);
        if (!outcome.wholeBatchFails()) {
            for (int i = 0; i < count; i++) {
                if (invocation.succeeded[i]) {
                    queue.deleteLater(ids[i], receipts[i]); // DeleteMessageBatch: up to 10 a request
                }
            }
            recorder.sqsDeletes += (succeeded + 9) / 10;
        }
        outcome.reportTo(scaler, scheduler.now());
        count = 0;
        poll();
    }

    private void schedule(long time, int kind) {
        scheduler.at(time, Scheduler.ACT, this, (generation << KIND_BITS) | kind);
    }
}
