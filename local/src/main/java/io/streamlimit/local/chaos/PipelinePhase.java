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
import io.streamlimit.local.sns.LocalTopic;
import io.streamlimit.local.sns.SqsSubscription;
import io.streamlimit.local.sqs.QueueWithDlq;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * The end-to-end part of a round: events go through the local topic (SNS envelope) or straight
 * into the queue (raw delivery), the event source mapping long-polls ElasticMQ and invokes the
 * real consumer handler on the Lambda emulator, and the handler applies them to the ledger in
 * dynalite, while the run injects duplicates, close-before-open, poison, exceptions,
 * timeouts, batches outliving their visibility timeout and a DynamoDB restart. Every good event
 * must be applied, every poison message must reach the real DLQ, and the final ledger must equal
 * the model's; then the ledger's clock jumps past the lease and every slot must be free.
 */
final class PipelinePhase {

    static final int VISIBILITY_SECONDS = 1;
    static final int MAX_RECEIVE_COUNT = 10;
    static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(3);
    private static final int MAXIMUM_CONCURRENCY = 4;
    private static final int MAX_POISON_BYTES = 60_000;
    private static final Duration MAX_WAIT = Duration.ofSeconds(120);

    private final RestartableDynamoDb dynamo;
    private final SqsClient sqs;
    private final PhaseRound round;
    private final ChaosReport report;
    private final FaultPlan.Pipeline plan;
    private final Random random;
    private final AppliedLog applied = new AppliedLog("pipeline");
    private final PipelineFaults faults;

    PipelinePhase(PhaseRound round, RestartableDynamoDb dynamo, SqsClient sqs, FaultPlan.Pipeline plan) {
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.round = round;
        this.report = round.report();
        this.plan = plan;
        this.random = new Random(round.options().seed() * 104_729L);
        this.faults = new PipelineFaults(random, report, ChaosPipeline.SNS_SQS_LAMBDA, plan,
                Duration.ofSeconds(VISIBILITY_SECONDS), FUNCTION_TIMEOUT);
    }

    History history() {
        return applied.history();
    }

    void run() throws InterruptedException {
        ManualClock ledgerClock = ManualClock.startingNow();
        Ledger ledger = new Ledger(round.store(), round.settings(), ledgerClock);
        QueueWithDlq queue = QueueWithDlq.create(sqs, round.prefix() + "-events", VISIBILITY_SECONDS, MAX_RECEIVE_COUNT);
        LocalTopic topic = new LocalTopic(round.prefix() + "-events", Clock.systemUTC());
        topic.subscribe(new SqsSubscription(sqs, queue.queueUrl(), queue.queueArn(), false));
        ConsumerHandler real = new ConsumerHandler(new ConsumerService(new EventParser(), ledger, downstream()));
        RequestHandler<SQSEvent, SQSBatchResponse> faulty = faults.failing(real,
                event -> event.getRecords().stream().map(SQSEvent.SQSMessage::getMessageId).toList(), false, applied);
        List<String> events = new ArrayList<>();
        Set<String> goodKeys = new HashSet<>();
        Map<String, String> poison = new HashMap<>(); // unique token -> body
        SqsDeadLetters dlq = new SqsDeadLetters(sqs, queue.dlqUrl(), report, MAX_RECEIVE_COUNT);
        List<String> uids = new ArrayList<>();
        try (SqsConsumerRig consumer = new SqsConsumerRig(sqs, queue, round.prefix() + "-consumer", faulty, VISIBILITY_SECONDS,
                FUNCTION_TIMEOUT, MAXIMUM_CONCURRENCY, faults.redeliveries())) {
            // Poison first, so that its receives toward the DLQ run alongside everything else.
            for (int p = 0; p < round.options().pipelinePoison(); p++) {
                String unique = round.prefix() + "-poison" + p + "-x"; // no token is a prefix of another
                String body = Bodies.poison(random, unique, MAX_POISON_BYTES);
                poison.put(unique, body);
                if (p % 2 == 0) {
                    topic.publish(List.of(body));
                } else {
                    sqs.sendMessage(b -> b.queueUrl(queue.queueUrl()).messageBody(body));
                }
                report.fault(FaultKind.POISON_MESSAGE);
            }
            report.poisonSent(poison.size());
            long seq = 0;
            for (int u = 0; u < round.options().pipelineUids(); u++) {
                String uid = round.prefix() + "-p" + u;
                uids.add(uid);
                List<StreamEvent> lifecycle = UidLifecycle.closeFirst(uid, round.prefix(), seq);
                seq += UidLifecycle.EVENTS;
                report.fault(FaultKind.CLOSE_BEFORE_OPEN);
                report.fault(FaultKind.NEVER_CLOSED);
                for (StreamEvent e : lifecycle) {
                    goodKeys.add(BatchRecorder.key(e));
                    events.add(EventWriter.toJson(e));
                    if (faults.chance(plan.duplicate())) {
                        events.add(EventWriter.toJson(e)); // published twice, byte for byte
                        report.fault(FaultKind.DUPLICATE_DELIVERY);
                    }
                }
            }
            report.goodEvents(goodKeys.size());
            Thread outage = new Thread(() -> {
                try {
                    dynamo.restart(round.options().outage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "chaos-dynamodb-outage");
            for (int i = 0; i < events.size(); i += 10) {
                List<String> bodies = events.subList(i, Math.min(i + 10, events.size()));
                if (faults.chance(plan.rawDelivery())) {
                    // Raw delivery: the bare event, no SNS envelope.
                    List<SendMessageBatchRequestEntry> entries = IntStream.range(0, bodies.size())
                            .mapToObj(n -> SendMessageBatchRequestEntry.builder().id("m" + n).messageBody(bodies.get(n)).build())
                            .toList();
                    sqs.sendMessageBatch(b -> b.queueUrl(queue.queueUrl()).entries(entries));
                } else {
                    topic.publish(bodies);
                }
                if (i <= events.size() / 2 && i + 10 > events.size() / 2) {
                    outage.start();
                    report.fault(FaultKind.DYNAMODB_RESTART);
                }
                Thread.sleep(20);
            }
            // Each long poll of the DLQ waits up to a second: the loop waits on the queue, not on a timer.
            dlq.receiveUntil(() -> applied.appliedAll(goodKeys) && dlq.size() >= poison.size() && !outage.isAlive(), MAX_WAIT);
            outage.join();
        }
        dlq.receive(0);
        dlq.judge(poison);
        Set<String> lost = new HashSet<>(goodKeys);
        lost.removeAll(applied.keys());
        lost.forEach(k -> report.lost("pipeline: " + k));

        report.violations(SettledLedgerCheck.check(round.store(), round.settings(), ledger, ledgerClock, applied.history(), uids));
        report.operations("pipeline end to end (concurrent)", applied.history().size());
    }

    /** The downstream, called with what the ledger just applied: notes it, then plays the faults. */
    private Downstream downstream() {
        return (events, invocation) -> {
            applied.applied(events, invocation.batchId());
            faults.afterApply(events);
            return List.of();
        };
    }
}
