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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
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
    private static final int PUT_ATTEMPTS = 4;
    private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration MAX_WAIT = Duration.ofSeconds(90);

    private final PhaseRound round;
    private final KinesisClient kinesis;
    private final SqsClient sqs;
    private final PipelineFaults faults;
    /** The producer's own dice, so that what it puts twice does not depend on the consumers' timing. */
    private final Random producerDice;
    private final double duplicatePuts;
    private final Set<String> poisonedUids;
    private final AppliedLog applied = new AppliedLog("kinesis-pipeline");
    private final Set<String> completedRecords = ConcurrentHashMap.newKeySet();
    private final AtomicInteger discardedRecords = new AtomicInteger();

    /** @param plan its {@code duplicate} share is per PutRecords call; no visibility overrun (Kinesis has none) */
    KinesisPipelinePhase(PhaseRound round, KinesisClient kinesis, SqsClient sqs, FaultPlan.Pipeline plan) {
        this.round = round;
        this.kinesis = kinesis;
        this.sqs = sqs;
        long seed = round.options().seed();
        this.faults = new PipelineFaults(new Random(seed * 6_151L), round.report(), PIPELINE, plan, Duration.ZERO,
                FUNCTION_TIMEOUT);
        this.producerDice = new Random(seed * 3_571L);
        this.duplicatePuts = plan.duplicate();
        this.poisonedUids = Set.of(round.prefix() + "-kpoisoned");
    }

    void run() throws InterruptedException {
        ManualClock ledgerClock = ManualClock.startingNow();
        // The phase's own count of double writes, for its verdict (the round's counts them all again).
        ApplyCounter counter = new ApplyCounter(round.store());
        Ledger ledger = new Ledger(counter, round.settings(), ledgerClock);
        String stream = round.prefix() + "-clicks";
        kinesis.createStream(b -> b.streamName(stream).shardCount(SHARDS));
        String onFailureUrl = sqs.createQueue(b -> b.queueName(round.prefix() + "-clicks-on-failure")).queueUrl();
        KinesisConsumerHandler real = new KinesisConsumerHandler(new ConsumerService(new EventParser(), ledger, downstream()));
        RequestHandler<KinesisEvent, StreamsEventResponse> faulty = faults.failing(real, KinesisPipelinePhase::recordIds,
                true, applied);
        RequestHandler<KinesisEvent, StreamsEventResponse> counted = (event, context) -> {
            StreamsEventResponse response = faulty.handleRequest(event, context);
            completedRecords.addAll(recordIds(event));
            return response;
        };
        KinesisMappingConfig mapping = new KinesisMappingConfig(stream, KinesisMappingConfig.localStreamArn(stream),
                new KinesisShardPoller.Settings(BATCH_SIZE, 0, PARALLELIZATION_FACTOR,
                        AwsBehaviour.current().shardPollInterval().toMillis(), true, MAX_RETRY_ATTEMPTS, -1), onFailureUrl);

        List<String> uids = new ArrayList<>(poisonedUids);
        List<List<StreamEvent>> lifecycles = new ArrayList<>();
        long seq = 0;
        for (String poisoned : poisonedUids) {
            lifecycles.add(UidLifecycle.inOrder(poisoned, round.prefix(), seq));
            seq += UidLifecycle.EVENTS;
        }
        for (int u = 0; u < round.options().pipelineUids(); u++) {
            String uid = round.prefix() + "-k" + u;
            uids.add(uid);
            lifecycles.add(UidLifecycle.inOrder(uid, round.prefix(), seq));
            seq += UidLifecycle.EVENTS;
            round.report().fault(PIPELINE, FaultKind.NEVER_CLOSED);
        }
        Set<String> goodKeys = new HashSet<>();
        lifecycles.stream().flatMap(List::stream).filter(e -> !poisonedUids.contains(e.uid()))
                .forEach(e -> goodKeys.add(BatchRecorder.key(e)));
        round.report().goodEvents(goodKeys.size());
        List<KinesisPut> accepted = new ArrayList<>();
        try (LambdaFunction<KinesisEvent, StreamsEventResponse> function = new LambdaFunction<>(
                     new FunctionConfig(round.prefix() + "-clicks-consumer", null, FUNCTION_TIMEOUT, 512), () -> counted, 1_000,
                     Clock.systemUTC(), LambdaObserver.NONE);
             KinesisEventSourceMapping esm = new KinesisEventSourceMapping(kinesis, sqs, mapping, function,
                     Clock.systemUTC(), observer())) {
            esm.start();
            // The poisoned uid first, in a call of its own (never put twice): its records head their lane.
            for (int p = 0; p < poisonedUids.size(); p++) {
                accepted.addAll(put(stream, lifecycles.get(p)));
            }
            accepted.stream().filter(r -> poisonedUids.contains(r.event().uid()))
                    .forEach(r -> round.report().fault(PIPELINE, FaultKind.POISON_MESSAGE));
            // Then step by step across the uids, so that each shard's lanes interleave many partition keys.
            List<StreamEvent> pending = new ArrayList<>();
            for (int step = 0; step < UidLifecycle.EVENTS; step++) {
                for (int u = poisonedUids.size(); u < lifecycles.size(); u++) {
                    pending.add(lifecycles.get(u).get(step));
                    if (pending.size() == PUT_ENTRIES) {
                        accepted.addAll(putMaybeTwice(stream, pending));
                        pending.clear();
                    }
                }
                Thread.sleep(20);
            }
            if (!pending.isEmpty()) {
                accepted.addAll(putMaybeTwice(stream, pending));
            }
            long deadline = System.nanoTime() + MAX_WAIT.toNanos();
            while (completedRecords.size() + discardedRecords.get() < accepted.size() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
        List<OnFailureRange> onFailure = receiveOnFailure(onFailureUrl, discardedRecords.get());
        long poisonedPut = accepted.stream().filter(r -> poisonedUids.contains(r.event().uid())).count();
        round.report().poisonSent(poisonedPut);
        KinesisVerdict.Judgement judgement = KinesisVerdict.judge(accepted, applied.keys(), applied.firstOrder(),
                counter.appliedTwice(), onFailure, poisonedUids);
        for (KinesisVerdict.GivenUp g : judgement.givenUp()) {
            round.report().deadLetter(new ChaosReport.DeadLetter(ChaosReport.KINESIS_PHASE, g.poisoned(),
                    g.reason().isBlank() ? "" : "Kinesis on-failure destination: " + g.reason(),
                    Bodies.preview(EventWriter.toJson(g.event()))));
        }
        judgement.lost().forEach(k -> round.report().lost(PIPELINE, "kinesis pipeline: " + k));
        round.report().violations(PIPELINE, judgement.violations());
        round.report().violations(PIPELINE, SettledLedgerCheck.check(counter, round.settings(), ledger, ledgerClock, applied.history(), uids));
        round.report().operations(PIPELINE, PHASE, applied.history().size());
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

    /** Puts {@code events}, and by the plan's chance puts the same call again, as a producer that lost the answer. */
    private List<KinesisPut> putMaybeTwice(String stream, List<StreamEvent> events) {
        List<KinesisPut> accepted = new ArrayList<>(put(stream, events));
        if (producerDice.nextDouble() < duplicatePuts) {
            round.report().fault(PIPELINE, FaultKind.DUPLICATE_PUT);
            accepted.addAll(put(stream, events));
        }
        return accepted;
    }

    /** PutRecords with the uid as partition key; entries Kinesis refuses are put again, in order. */
    private List<KinesisPut> put(String stream, List<StreamEvent> events) {
        List<KinesisPut> accepted = new ArrayList<>();
        List<StreamEvent> pending = List.copyOf(events);
        for (int attempt = 1; attempt <= PUT_ATTEMPTS && !pending.isEmpty(); attempt++) {
            List<PutRecordsRequestEntry> entries = pending.stream().map(e -> PutRecordsRequestEntry.builder()
                    .partitionKey(e.uid()).data(SdkBytes.fromUtf8String(EventWriter.toJson(e))).build()).toList();
            PutRecordsResponse response = kinesis.putRecords(b -> b.streamName(stream).records(entries));
            List<StreamEvent> refused = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                PutRecordsResultEntry result = response.records().get(i);
                if (result.errorCode() == null) {
                    accepted.add(new KinesisPut(result.shardId(), result.sequenceNumber(), pending.get(i)));
                } else {
                    refused.add(pending.get(i));
                }
            }
            pending = refused;
        }
        // What Kinesis never accepted is the producer's to round.report(), not the pipeline's to deliver.
        return accepted;
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
            if (events.stream().anyMatch(e -> poisonedUids.contains(e.uid()))) {
                throw new IllegalStateException("chaos: the downstream refuses the poisoned uid");
            }
            faults.afterApply(events);
            return List.of();
        };
    }
}
