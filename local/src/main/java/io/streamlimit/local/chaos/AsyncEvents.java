package io.streamlimit.local.chaos;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.streamlimit.local.lambda.AsyncObserver;
import io.streamlimit.local.lambda.LambdaObserver;
import java.time.Instant;
import java.util.Map;

/** Hears the function and its async queue in the SNS -> Lambda phase: counts throttles, retries and dead letters. */
final class AsyncEvents implements LambdaObserver, AsyncObserver<SNSEvent> {

    private static final String EXPIRED = "maximum event age";

    private final ChaosReport report;
    private final Outstanding outstanding;
    private final Map<String, String> deadLettered;
    private final Map<String, AsyncFate> fates;

    /** @param deadLettered collects each dead-lettered body with its reason */
    AsyncEvents(ChaosReport report, Outstanding outstanding, Map<String, String> deadLettered, Map<String, AsyncFate> fates) {
        this.report = report;
        this.outstanding = outstanding;
        this.deadLettered = deadLettered;
        this.fates = fates;
    }

    @Override
    public void throttled(Instant at, int batchSize) {
        report.fault(ChaosPipeline.SNS_LAMBDA, FaultKind.THROTTLE);
    }

    @Override
    public void retried(SNSEvent event, int attempt, Instant at) {
        report.fault(ChaosPipeline.SNS_LAMBDA, FaultKind.ASYNC_ERROR_RETRY);
    }

    @Override
    public void deadLettered(SNSEvent event, String reason, Instant at) {
        String body = event.getRecords().get(0).getSNS().getMessage();
        report.fault(ChaosPipeline.SNS_LAMBDA, reason.contains(EXPIRED) ? FaultKind.EVENT_EXPIRED : FaultKind.RETRIES_EXHAUSTED);
        boolean poison = fates.get(body) == AsyncFate.POISON;
        String why = poison ? reason + ": " + Bodies.rejection(body) : reason;
        report.deadLetter(new ChaosReport.DeadLetter(ChaosReport.ASYNC_PHASE, poison, why, Bodies.preview(body)));
        deadLettered.put(body, why);
        outstanding.done();
    }
}
