package io.streamlimit.local.chaos;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.streamlimit.consumer.ConsumerHandler;
import io.streamlimit.consumer.ConsumerService;
import io.streamlimit.consumer.Downstream;
import io.streamlimit.event.EventParser;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.Ledger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The real consumer handler with one {@link InjectedFault} per invocation, set by the worker
 * before it invokes. It remembers what the downstream was handed (the events the ledger applied)
 * and lets the worker wait until an invocation has really finished: a timed-out handler runs on
 * after the function returned, and one driver per uid must not overlap it.
 */
final class FaultyConsumer implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final ConsumerHandler real;
    private final Duration functionTimeout;
    private volatile InjectedFault fault = InjectedFault.NONE;
    private volatile List<StreamEvent> applied;
    private volatile boolean handlerRan;
    private volatile CountDownLatch finished = new CountDownLatch(0);

    FaultyConsumer(Ledger ledger, Duration functionTimeout) {
        this.functionTimeout = functionTimeout;
        Downstream downstream = (events, invocation) -> {
            applied = List.copyOf(events);
            if (fault == InjectedFault.DOWNSTREAM_ERROR) {
                throw new IllegalStateException("chaos: injected downstream failure");
            }
            if (fault == InjectedFault.PAST_TIMEOUT) {
                sleepPastTimeout();
            }
            return List.of();
        };
        this.real = new ConsumerHandler(new ConsumerService(new EventParser(), ledger, downstream));
    }

    /** Arms the next invocation with {@code next}. */
    void prepare(InjectedFault next) {
        fault = next;
        applied = null;
        handlerRan = false;
        finished = new CountDownLatch(1);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        CountDownLatch mine = finished; // a late handler must not count down the next invocation's latch
        try {
            if (fault == InjectedFault.ERROR_BEFORE_HANDLER) {
                throw new IllegalStateException("chaos: injected function error before the handler");
            }
            handlerRan = true;
            SQSBatchResponse response = real.handleRequest(event, context);
            if (fault == InjectedFault.ERROR_AFTER_HANDLER) {
                throw new IllegalStateException("chaos: injected function error after the handler");
            }
            return response;
        } finally {
            mine.countDown();
        }
    }

    /**
     * Waits until the invocation's handler has returned. A handler the function never started
     * (stopped before it began) does not count down: the wait then ends after a function timeout.
     */
    void awaitFinished() throws InterruptedException {
        finished.await(functionTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean handlerRan() {
        return handlerRan;
    }

    /** The events the ledger applied in the last invocation; null if the handler did not reach the downstream. */
    List<StreamEvent> applied() {
        return applied;
    }

    private void sleepPastTimeout() {
        try {
            Thread.sleep(functionTimeout.toMillis() + 300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("chaos: stopped by the function timeout");
        }
    }
}
