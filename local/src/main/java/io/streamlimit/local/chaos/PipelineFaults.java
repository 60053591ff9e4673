package io.streamlimit.local.chaos;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.local.lambda.MappingObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The consumer faults an end-to-end phase plays, drawn from the phase's own seeded dice and
 * counted in its pipeline's column: a function error before or after the real handler (on a
 * batch seen for the first time), and, in the downstream once the ledger applied the events
 * (on events faulted for the first time), an exception, an overrun of the visibility timeout or
 * of the function timeout. Faults fall on fresh work only, so that every retry can succeed and a
 * lost event is the pipeline's fault, not the dice's.
 */
final class PipelineFaults {

    private final Random random;
    private final ChaosReport report;
    private final ChaosPipeline pipeline;
    private final FaultPlan.Pipeline plan;
    private final Duration visibilityTimeout;
    private final Duration functionTimeout;
    private final Set<String> seenRecords = ConcurrentHashMap.newKeySet();
    private final Set<Long> faultedEvents = ConcurrentHashMap.newKeySet();
    private final AtomicInteger timeouts = new AtomicInteger();

    /**
     * @param visibilityTimeout the queue's; {@link Duration#ZERO} for a source without one (the
     *     plan's visibility overrun share must then be 0)
     * @param functionTimeout the function's; a timeout fault outlives it by half a second
     */
    PipelineFaults(Random random, ChaosReport report, ChaosPipeline pipeline, FaultPlan.Pipeline plan,
                   Duration visibilityTimeout, Duration functionTimeout) {
        if (visibilityTimeout.isZero() && plan.visibilityOverrun() > 0) {
            throw new IllegalArgumentException("a visibility overrun needs a visibility timeout");
        }
        this.random = random;
        this.report = report;
        this.pipeline = pipeline;
        this.plan = plan;
        this.visibilityTimeout = visibilityTimeout;
        this.functionTimeout = functionTimeout;
    }

    /**
     * The real handler behind the function-error faults: before it (when {@code failBefore}) and
     * after it, each with the plan's {@code errorAfter} share, on a batch whose every record
     * ({@code recordIds}) is new; {@code entered} hears each invocation first.
     */
    <I, O> RequestHandler<I, O> failing(RequestHandler<I, O> real, Function<I, List<String>> recordIds, boolean failBefore,
                                        AppliedLog entered) {
        return (event, context) -> {
            entered.invoked(context.getAwsRequestId());
            boolean fresh = recordIds.apply(event).stream().allMatch(seenRecords::add);
            if (failBefore && fresh && chance(plan.errorAfter())) {
                report.fault(pipeline, FaultKind.CONSUMER_EXCEPTION);
                throw new IllegalStateException("chaos: injected function error before the handler");
            }
            O response = real.handleRequest(event, context);
            if (fresh && chance(plan.errorAfter())) {
                report.fault(pipeline, FaultKind.CONSUMER_EXCEPTION);
                throw new IllegalStateException("chaos: injected function error after the handler");
            }
            return response;
        };
    }

    /** Counts each message the mapping receives again (a visibility timeout ran out) as a duplicate delivery. */
    MappingObserver redeliveries() {
        return new MappingObserver() {
            @Override
            public void redelivered(String body, int receiveCount, Instant at) {
                report.fault(pipeline, FaultKind.DUPLICATE_DELIVERY);
            }
        };
    }

    /** Called by the downstream with what the ledger just applied: throws, or outlives a timeout, or returns. */
    void afterApply(List<StreamEvent> events) {
        boolean fresh = events.stream().allMatch(e -> e.seq() == null || faultedEvents.add(e.seq()));
        if (!fresh) {
            return;
        }
        int fault = FaultPlan.pick(roll(), plan.downstreamError(), plan.visibilityOverrun(), plan.functionTimeout());
        if (fault == 0) {
            report.fault(pipeline, FaultKind.CONSUMER_EXCEPTION);
            throw new IllegalStateException("chaos: injected downstream failure");
        } else if (fault == 1) {
            report.fault(pipeline, FaultKind.VISIBILITY_TIMEOUT_EXPIRED);
            sleep(visibilityTimeout.toMillis() + 600);
        } else if (fault == 2 && timeouts.incrementAndGet() <= plan.maxTimeouts()) {
            report.fault(pipeline, FaultKind.CONSUMER_TIMEOUT);
            if (!visibilityTimeout.isZero()) {
                report.fault(pipeline, FaultKind.VISIBILITY_TIMEOUT_EXPIRED);
            }
            sleep(functionTimeout.toMillis() + 500);
        }
    }

    boolean chance(double p) {
        return roll() < p;
    }

    private double roll() {
        synchronized (random) {
            return random.nextDouble();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("chaos: stopped by the function timeout");
        }
    }
}
