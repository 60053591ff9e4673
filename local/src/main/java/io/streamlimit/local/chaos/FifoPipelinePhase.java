package io.streamlimit.local.chaos;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.clock.ManualClock;
import io.streamlimit.consumer.ConsumerHandler;
import io.streamlimit.consumer.ConsumerService;
import io.streamlimit.consumer.Downstream;
import io.streamlimit.event.EventParser;
import io.streamlimit.event.EventWriter;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.local.lambda.FunctionConfig;
import io.streamlimit.local.lambda.LambdaFunction;
import io.streamlimit.local.lambda.LambdaObserver;
import io.streamlimit.local.lambda.MappingObserver;
import io.streamlimit.local.lambda.SqsEventSourceMapping;
import io.streamlimit.local.lambda.SqsMappingConfig;
import io.streamlimit.local.run.FifoEventPublisher;
import io.streamlimit.local.sns.LocalTopic;
import io.streamlimit.local.sns.SnsMessage;
import io.streamlimit.local.sns.SnsPublication;
import io.streamlimit.local.sns.SqsSubscription;
import io.streamlimit.local.sqs.QueueWithDlq;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The FIFO end-to-end part of a round: each uid's events go through a FIFO topic (MessageGroupId
 * = uid, the deduplication id from the event's identity) to a FIFO queue, its mapping and the real
 * consumer, while the run injects copies the topic must drop (published again within the
 * deduplication interval), copies it cannot drop (sent straight to the queue under another
 * deduplication id, as a producer retrying after the interval would), consumer exceptions
 * before and after the ledger, timeouts and batches outliving their visibility timeout. Every
 * event must be applied exactly once (the round's apply counter), each uid's events must first
 * reach the consumer's downstream, right after the ledger applied them, in the order they were
 * published, nothing may reach the DLQ, and the final ledger must equal the model's.
 */
final class FifoPipelinePhase {

    static final String PHASE = "FIFO pipeline end to end (ordered)";
    private static final ChaosPipeline PIPELINE = ChaosPipeline.SNS_FIFO_SQS_FIFO_LAMBDA;
    private static final int VISIBILITY_SECONDS = 2;
    private static final int MAX_RECEIVE_COUNT = 10;
    private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(3);
    private static final int MAXIMUM_CONCURRENCY = 4;
    private static final Duration MAX_WAIT = Duration.ofSeconds(120);

    private final SqsClient sqs;
    private final PhaseRound round;
    private final ChaosReport report;
    private final FaultPlan.Pipeline plan;
    private final AppliedLog applied = new AppliedLog("fifo-pipeline");
    private final PipelineFaults faults;

    FifoPipelinePhase(PhaseRound round, SqsClient sqs, FaultPlan.Pipeline plan) {
        this.sqs = sqs;
        this.round = round;
        this.report = round.report();
        this.plan = plan;
        this.faults = new PipelineFaults(new Random(round.options().seed() * 7_919L), report, PIPELINE, plan,
                Duration.ofSeconds(VISIBILITY_SECONDS), FUNCTION_TIMEOUT);
    }

    void run() throws InterruptedException {
        ManualClock ledgerClock = ManualClock.startingNow();
        Ledger ledger = new Ledger(round.store(), round.settings(), ledgerClock);
        QueueWithDlq queue = QueueWithDlq.createFifo(sqs, round.prefix() + "-ordered", VISIBILITY_SECONDS, MAX_RECEIVE_COUNT);
        LocalTopic topic = LocalTopic.fifo(round.prefix() + "-ordered" + LocalTopic.FIFO_SUFFIX, Clock.systemUTC(), false,
                AwsBehaviour.current().fifoDeduplicationInterval());
        topic.subscribe(new SqsSubscription(sqs, queue.queueUrl(), queue.queueArn(), true));
        ConsumerHandler real = new ConsumerHandler(new ConsumerService(new EventParser(), ledger, downstream()));
        RequestHandler<SQSEvent, SQSBatchResponse> faulty = faults.failing(real,
                event -> event.getRecords().stream().map(SQSEvent.SQSMessage::getMessageId).toList(), true, applied);
        Map<String, List<StreamEvent>> published = new LinkedHashMap<>();
        List<String> uids = new ArrayList<>();
        Set<String> goodKeys = new HashSet<>();
        long seq = 0;
        for (int u = 0; u < round.options().pipelineUids(); u++) {
            String uid = round.prefix() + "-f" + u;
            uids.add(uid);
            List<StreamEvent> lifecycle = UidLifecycle.inOrder(uid, round.prefix(), seq);
            seq += UidLifecycle.EVENTS;
            report.fault(PIPELINE, FaultKind.NEVER_CLOSED);
            published.put(uid, lifecycle);
            lifecycle.forEach(e -> goodKeys.add(BatchRecorder.key(e)));
        }
        report.goodEvents(goodKeys.size());
        try (SqsConsumerRig consumer = new SqsConsumerRig(sqs, queue, round.prefix() + "-ordered-consumer", faulty, VISIBILITY_SECONDS,
                FUNCTION_TIMEOUT, MAXIMUM_CONCURRENCY, faults.redeliveries())) {
            // Step by step across the uids, so that batches mix groups and each group's events interleave with others'.
            for (int step = 0; step < 5; step++) {
                List<SnsPublication> batch = new ArrayList<>();
                for (String uid : uids) {
                    StreamEvent e = published.get(uid).get(step);
                    batch.add(publication(e));
                    if (faults.chance(plan.duplicate())) {
                        // The same event again within the deduplication interval: the topic must drop it.
                        batch.add(publication(e));
                        report.fault(PIPELINE, FaultKind.DUPLICATE_DELIVERY);
                    }
                    if (batch.size() >= 9) {
                        topic.publishAll(batch);
                        batch.clear();
                    }
                    if (faults.chance(plan.rawDelivery() / 4)) {
                        // A copy the topic cannot recognise: straight into the queue under another deduplication id.
                        String copyId = "late-" + FifoEventPublisher.deduplicationId(e);
                        sqs.sendMessage(b -> b.queueUrl(queue.queueUrl()).messageBody(EventWriter.toJson(e))
                                .messageGroupId(uid).messageDeduplicationId(copyId));
                        report.fault(PIPELINE, FaultKind.DUPLICATE_DELIVERY);
                    }
                }
                if (!batch.isEmpty()) {
                    topic.publishAll(batch);
                }
                Thread.sleep(20);
            }
            long deadline = System.nanoTime() + MAX_WAIT.toNanos();
            while (!applied.appliedAll(goodKeys) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
        Set<String> lost = new HashSet<>(goodKeys);
        lost.removeAll(applied.keys());
        lost.forEach(k -> report.lost(PIPELINE, "fifo pipeline: " + k));
        int deadLetters = Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queue.dlqUrl())
                .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings().get("ApproximateNumberOfMessages"));
        if (deadLetters > 0) {
            report.violation(PIPELINE, new Violation("FIFO: nothing dead-lettered", queue.dlqUrl(),
                    deadLetters + " good events reached the FIFO DLQ"));
        }
        Map<String, List<Long>> firstOrder = applied.firstOrder();
        for (String uid : uids) {
            List<Long> expected = published.get(uid).stream().map(StreamEvent::seq).toList();
            List<Long> order = firstOrder.getOrDefault(uid, List.of());
            if (!order.equals(expected)) {
                report.violation(PIPELINE, new Violation("FIFO: per-uid order", uid,
                        "applied in the order " + order + ", published " + expected));
            }
        }
        report.violations(PIPELINE, SettledLedgerCheck.check(round.store(), round.settings(), ledger, ledgerClock, applied.history(), uids));
        report.operations(PIPELINE, PHASE, applied.history().size());
    }

    private static SnsPublication publication(StreamEvent e) {
        return new SnsPublication(SnsMessage.plain(EventWriter.toJson(e)), e.uid(), FifoEventPublisher.deduplicationId(e));
    }

    /** The downstream, called with what the ledger just applied: notes the order first, then plays the faults. */
    private Downstream downstream() {
        return (events, invocation) -> {
            applied.applied(events, invocation.batchId());
            faults.afterApply(events);
            return List.of();
        };
    }
}
