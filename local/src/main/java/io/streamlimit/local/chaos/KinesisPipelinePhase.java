package io.streamlimit.local.chaos;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.rules.KinesisShardPoller;
import io.streamlimit.clock.ManualClock;
import io.streamlimit.consumer.ConsumerService;
import io.streamlimit.consumer.Downstream;
import io.streamlimit.consumer.KinesisConsumerHandler;
import io.streamlimit.event.EventParser;
import io.streamlimit.event.EventWriter;
import io.streamlimit.event.StreamEvent;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.local.lambda.FunctionConfig;
import io.streamlimit.local.lambda.KinesisEventSourceMapping;
import io.streamlimit.local.lambda.KinesisMappingConfig;
import io.streamlimit.local.lambda.KinesisMappingObserver;
import io.streamlimit.local.lambda.LambdaFunction;
import io.streamlimit.local.lambda.LambdaObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The Kinesis end-to-end part of a round (the {@code api-kinesis-lambda} pipeline): the producer
 * puts each uid's events into a real local stream (kinesis-local) with PutRecords, the uid as
 * partition key, and the real event source mapping (the shared rule's lanes, retries, bisection
 * and on-failure destination) invokes the real Kinesis consumer handler on the Lambda emulator.
 * The run injects PutRecords put twice (the producer retrying a call whose answer it lost, so
 * each of its records is in the stream twice: Kinesis delivers at least once), crashes mid-batch
 * (after the ledger applied the batch) and function errors and timeouts, each failed batch
 * blocking its lane until its retry, and one poisoned uid the downstream always refuses, whose
 * records must reach the on-failure queue once their retries run out. The verdict is
 * {@link KinesisVerdict}'s, then the ledger's settled checks.
 */
final class KinesisPipelinePhase {

    static final String PHASE = "Kinesis pipeline end to end (ordered)";
    private static final ChaosPipeline PIPELINE = ChaosPipeline.API_KINESIS_LAMBDA;
    private static final int SHARDS = 2;
    private static final int PARALLELIZATION_FACTOR = 2;
    private static final int BATCH_SIZE = 10;
    /** One counted retry, so that a poisoned record is given up once bisection has isolated it. */
    private static final int MAX_RETRY_ATTEMPTS = 1;
    private static final int PUT_ENTRIES = 20;
    private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration MAX_WAIT = Duration.ofSeconds(90);

    private final PhaseRound round;
    private final KinesisClient kinesis;
    private final SqsClient sqs;
    private final PipelineFaults faults;
    private final double duplicatePuts;
    private final String poisonedUid;
    private final AppliedLog applied = new AppliedLog("kinesis-pipeline");
    private final Set<String> completedRecords = ConcurrentHashMap.newKeySet();
    private final AtomicInteger discardedRecords = new AtomicInteger();

    /** @param plan its {@code duplicate} share is per PutRecords call; no visibility overrun (Kinesis has none) */
    KinesisPipelinePhase(PhaseRound round, KinesisClient kinesis, SqsClient sqs, FaultPlan.Pipeline plan) {
        this.round = round;
        this.kinesis = kinesis;
        this.sqs = sqs;
        this.faults = new PipelineFaults(new Random(round.options().seed() * 6_151L), round.report(), PIPELINE, plan,
                Duration.ZERO, FUNCTION_TIMEOUT);
        this.duplicatePuts = plan.duplicate();
        this.poisonedUid = round.prefix() + "-kpoisoned";
    }

    void run() throws InterruptedException {
        ManualClock ledgerClock = ManualClock.startingNow();
        // The phase's own count of double writes, for its verdict (the round's counter counts them too).
        ApplyCounter counter = new ApplyCounter(round.store());
        Ledger ledger = new Ledger(counter, round.settings(), ledgerClock);
        String stream = round.prefix() + "-clicks";
        kinesis.createStream(b -> b.streamName(stream).shardCount(SHARDS));
        String onFailureUrl = sqs.createQueue(b -> b.queueName(round.prefix() + "-clicks-on-failure")).queueUrl();
        KinesisProducer producer = new KinesisProducer(kinesis, stream, new Random(round.options().seed() * 3_571L),
                duplicatePuts, () -> round.report().fault(PIPELINE, FaultKind.DUPLICATE_PUT));
        List<StreamEvent> poisoned = UidLifecycle.inOrder(poisonedUid, round.prefix(), 0);
        List<List<StreamEvent>> lifecycles = new ArrayList<>();
        List<String> uids = new ArrayList<>(List.of(poisonedUid));
        for (int u = 0; u < round.options().pipelineUids(); u++) {
            String uid = round.prefix() + "-k" + u;
            uids.add(uid);
            lifecycles.add(UidLifecycle.inOrder(uid, round.prefix(), (u + 1L) * UidLifecycle.EVENTS));
            round.report().fault(PIPELINE, FaultKind.NEVER_CLOSED);
        }
        round.report().goodEvents(lifecycles.size() * (long) UidLifecycle.EVENTS);
        List<KinesisPut> accepted = new ArrayList<>();
        RequestHandler<KinesisEvent, StreamsEventResponse> handler = handler(ledger);
        try (LambdaFunction<KinesisEvent, StreamsEventResponse> function = new LambdaFunction<>(
                     new FunctionConfig(round.prefix() + "-clicks-consumer", null, FUNCTION_TIMEOUT, 512), () -> handler,
                     1_000, Clock.systemUTC(), LambdaObserver.NONE);
             KinesisEventSourceMapping esm = new KinesisEventSourceMapping(kinesis, sqs, mapping(stream, onFailureUrl),
                     function, Clock.systemUTC(), observer())) {
            esm.start();
            // The poisoned uid first, in a call of its own (never put twice): its records head their lane.
            accepted.addAll(producer.put(poisoned));
            accepted.forEach(r -> round.report().fault(PIPELINE, FaultKind.POISON_MESSAGE));
            // Then step by step across the uids, so that each shard's lanes interleave many partition keys.
            List<StreamEvent> pending = new ArrayList<>();
            for (int step = 0; step < UidLifecycle.EVENTS; step++) {
                for (List<StreamEvent> lifecycle : lifecycles) {
                    pending.add(lifecycle.get(step));
                    if (pending.size() == PUT_ENTRIES) {
                        accepted.addAll(producer.putMaybeTwice(pending));
                        pending.clear();
                    }
                }
                Thread.sleep(20);
            }
            if (!pending.isEmpty()) {
                accepted.addAll(producer.putMaybeTwice(pending));
            }
            // Until every record accepted is done or given up (a timed-out wait leaves the rest lost).
            long deadline = System.nanoTime() + MAX_WAIT.toNanos();
            while (completedRecords.size() + discardedRecords.get() < accepted.size() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
        judge(accepted, receiveOnFailure(onFailureUrl, discardedRecords.get()), counter.appliedTwice());
        round.report().violations(PIPELINE, SettledLedgerCheck.check(counter, round.settings(), ledger, ledgerClock,
                applied.history(), uids));
        round.report().operations(PIPELINE, PHASE, applied.history().size());
    }

    /** The real consumer on {@code ledger} behind the injected function errors; notes the records of each batch that returned. */
    private RequestHandler<KinesisEvent, StreamsEventResponse> handler(Ledger ledger) {
        KinesisConsumerHandler real = new KinesisConsumerHandler(new ConsumerService(new EventParser(), ledger, downstream()));
        RequestHandler<KinesisEvent, StreamsEventResponse> faulty = faults.failing(real, KinesisPipelinePhase::recordIds,
                true, applied);
        return (event, context) -> {
            StreamsEventResponse response = faulty.handleRequest(event, context);
            completedRecords.addAll(recordIds(event));
            return response;
        };
    }

    /** Batches of 10, no window, 2 lanes a shard, bisect on error, one counted retry, records never too old. */
    private static KinesisMappingConfig mapping(String stream, String onFailureUrl) {
        return new KinesisMappingConfig(stream, KinesisMappingConfig.localStreamArn(stream),
                new KinesisShardPoller.Settings(BATCH_SIZE, 0, PARALLELIZATION_FACTOR,
                        AwsBehaviour.current().shardPollInterval().toMillis(), true, MAX_RETRY_ATTEMPTS, -1), onFailureUrl);
    }

    /** The verdict into the report: dead letters with their reasons, lost events, violations. */
    private void judge(List<KinesisPut> accepted, List<OnFailureRange> onFailure, List<String> appliedTwice) {
        ChaosReport report = round.report();
        report.poisonSent(accepted.stream().filter(r -> r.event().uid().equals(poisonedUid)).count());
        KinesisVerdict.Judgement judgement = KinesisVerdict.judge(accepted, applied.keys(), applied.firstOrder(),
                appliedTwice, onFailure, Set.of(poisonedUid));
        for (KinesisVerdict.GivenUp g : judgement.givenUp()) {
            report.deadLetter(new ChaosReport.DeadLetter(ChaosReport.KINESIS_PHASE, g.poisoned(),
                    g.reason().isBlank() ? "" : "Kinesis on-failure destination: " + g.reason(),
                    Bodies.preview(EventWriter.toJson(g.event()))));
        }
        judgement.lost().forEach(k -> report.lost(PIPELINE, "kinesis pipeline: " + k));
        report.violations(PIPELINE, judgement.violations());
    }

    /** Each record's eventID: its shard and sequence number. */
    private static List<String> recordIds(KinesisEvent event) {
        return event.getRecords().stream().map(KinesisEvent.KinesisEventRecord::getEventID).toList();
    }

    private KinesisMappingObserver observer() {
        return new KinesisMappingObserver() {
            @Override
            public void blockingRetry(String shardId, int batchSize, Instant at) {
                round.report().fault(PIPELINE, FaultKind.SHARD_BLOCKING_RETRY);
            }

            @Override
            public void discarded(String shardId, List<String> data, String reason, Instant at) {
                discardedRecords.addAndGet(data.size());
                for (int i = 0; i < data.size(); i++) {
                    round.report().fault(PIPELINE, FaultKind.RETRIES_EXHAUSTED);
                }
            }
        };
    }

    /** Receives the on-failure destination's messages until they cover {@code records} records, or ten seconds pass. */
    private List<OnFailureRange> receiveOnFailure(String queueUrl, int records) {
        Map<String, OnFailureRange> received = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        do {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)
                    .visibilityTimeout(43_200)).messages()) {
                received.put(m.messageId(), OnFailureRange.parse(m.body()));
            }
        } while (received.values().stream().mapToInt(OnFailureRange::batchSize).sum() < records
                && System.nanoTime() < deadline);
        return List.copyOf(received.values());
    }

    /**
     * The downstream, called with what the ledger just applied: notes it, refuses the poisoned
     * uid's events (so their batches fail until given up), then plays the faults.
     */
    private Downstream downstream() {
        return (events, invocation) -> {
            applied.applied(events, invocation.batchId());
            if (events.stream().anyMatch(e -> e.uid().equals(poisonedUid))) {
                throw new IllegalStateException("chaos: the downstream refuses the poisoned uid");
            }
            faults.afterApply(events);
            return List.of();
        };
    }
}
