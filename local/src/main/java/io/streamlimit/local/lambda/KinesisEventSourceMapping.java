package io.streamlimit.local.lambda;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.streamlimit.aws.rules.BatchingWindow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A Kinesis event source mapping on the wall clock, against a real Kinesis API (kinesis-local):
 * one reader per shard calls GetShardIterator once and GetRecords when {@link KinesisShardRules}
 * says, and hands each record to one of the shard's {@link KinesisMappingConfig#parallelizationFactor()}
 * lanes by its partition key, so one key's records stay in order. A lane gathers a batch as
 * {@link BatchingWindow} says, invokes the function, and moves past what succeeded (its
 * checkpoint); a failed batch blocks its lane until the rules' retry, bisection or discard (to the
 * on-failure destination) settles it. A partial batch response ({@code ReportBatchItemFailures})
 * checkpoints before the first failed record and retries from it.
 */
public final class KinesisEventSourceMapping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KinesisEventSourceMapping.class);
    /** Records a shard's reader holds for its lanes before it stops reading: the emulator's memory, GetRecords' maximum. */
    private static final int READ_AHEAD = 10_000;

    private final KinesisClient kinesis;
    private final KinesisMappingConfig config;
    private final LambdaFunction<KinesisEvent, StreamsEventResponse> function;
    private final KinesisShardRules rules;
    private final Clock clock;
    private final KinesisMappingObserver observer;
    private final Waiter waiter;
    private final BatchingWindow window;
    private final KinesisFailureDestination destination;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    public KinesisEventSourceMapping(KinesisClient kinesis, SqsClient sqs, KinesisMappingConfig config,
            LambdaFunction<KinesisEvent, StreamsEventResponse> function, KinesisShardRules rules, Clock clock,
            KinesisMappingObserver observer) {
        this(kinesis, sqs, config, function, rules, clock, observer, new WallClockWaiter(clock));
    }

    /** The same, waiting through {@code waiter}. */
    public KinesisEventSourceMapping(KinesisClient kinesis, SqsClient sqs, KinesisMappingConfig config,
            LambdaFunction<KinesisEvent, StreamsEventResponse> function, KinesisShardRules rules, Clock clock,
            KinesisMappingObserver observer, Waiter waiter) {
        this.kinesis = kinesis;
        this.config = config;
        this.function = function;
        this.rules = rules;
        this.clock = clock;
        this.observer = observer;
        this.waiter = waiter;
        this.window = new BatchingWindow(config.batchSize(), config.batchWindow().toMillis());
        this.destination = config.onFailureQueueUrl() == null ? null
                : new KinesisFailureDestination(sqs, config.onFailureQueueUrl());
    }

    /** Starts a reader and its lanes for every shard the stream has now. */
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        List<Shard> shards = kinesis.listShards(b -> b.streamName(config.streamName())).shards();
        for (Shard shard : shards) {
            List<Lane> lanes = new ArrayList<>();
            for (int i = 0; i < config.parallelizationFactor(); i++) {
                Lane lane = new Lane(shard.shardId());
                lanes.add(lane);
                spawn("esm-kinesis-lane", () -> laneLoop(lane));
            }
            spawn("esm-kinesis-reader", () -> readLoop(shard.shardId(), lanes));
        }
    }

    private void spawn(String name, Runnable loop) {
        Thread thread = new Thread(() -> {
            try {
                loop.run();
            } finally {
                threads.remove(Thread.currentThread());
            }
        }, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void readLoop(String shardId, List<Lane> lanes) {
        String iterator = null;
        while (running.get()) {
            long polledAt = clock.millis();
            int got = 0;
            try {
                if (iterator == null) {
                    iterator = kinesis.getShardIterator(b -> b.streamName(config.streamName()).shardId(shardId)
                            .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                    observer.kinesisRequests(1);
                }
                if (held(lanes) < READ_AHEAD) {
                    String current = iterator;
                    GetRecordsResponse response = kinesis.getRecords(b -> b.shardIterator(current));
                    observer.kinesisRequests(1);
                    got = response.records().size();
                    for (Record record : response.records()) {
                        lanes.get(Math.floorMod(record.partitionKey().hashCode(), lanes.size())).add(record);
                    }
                    iterator = response.nextShardIterator();
                    if (iterator == null) {
                        LOG.info("shard {} is closed; its reader stops", shardId);
                        return;
                    }
                }
            } catch (RuntimeException e) {
                if (!running.get()) {
                    return;
                }
                LOG.warn("reading shard {} failed; the reader tries again at its next poll: {}", shardId, e.toString());
            }
            if (!waiter.until(rules.nextPollAt(polledAt, got)) || !running.get()) {
                return;
            }
        }
    }

    private static int held(List<Lane> lanes) {
        int held = 0;
        for (Lane lane : lanes) {
            held += lane.size();
        }
        return held;
    }

    private void laneLoop(Lane lane) {
        try {
            while (running.get()) {
                List<Record> batch = gather(lane);
                if (!batch.isEmpty()) {
                    process(lane.shardId, batch, 0);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next batch: at least one record, then more until the batching window says invoke. */
    private List<Record> gather(Lane lane) throws InterruptedException {
        List<Record> batch = new ArrayList<>(config.batchSize());
        if (!lane.awaitAny()) {
            return batch;
        }
        long firstAt = clock.millis();
        lane.drainTo(batch, config.batchSize());
        while (running.get() && window.next(clock.millis(), batch.size(), firstAt) instanceof BatchingWindow.GatherUntil gather) {
            lane.awaitUntil(gather.at());
            lane.drainTo(batch, config.batchSize());
        }
        return batch;
    }

    /**
     * Invokes with {@code batch} until it succeeds or the rules discard it; bisected halves go
     * through here one after the other, so the lane's order holds.
     *
     * @param attemptsBefore attempts already made on these records (a bisected half keeps its batch's)
     */
    private void process(String shardId, List<Record> batch, int attemptsBefore) throws InterruptedException {
        List<Record> pending = batch;
        int attempts = attemptsBefore;
        while (running.get() && !pending.isEmpty()) {
            observer.oldestUnprocessed(shardId, pending.get(0).approximateArrivalTimestamp(), clock.instant());
            attempts++;
            InvokeResult<StreamsEventResponse> result = function.invoke(
                    KinesisLambdaEvents.of(pending, shardId, config.streamArn()), pending.size());
            List<Record> failed = failedFrom(pending, result);
            if (failed.isEmpty()) {
                return;
            }
            pending = failed;
            KinesisShardRules.AfterFailure next = rules.afterFailure(clock.millis(), attempts, arrivalMillis(pending.get(0)),
                    pending.size(), result instanceof InvokeResult.Throttled);
            if (next instanceof KinesisShardRules.RetryAt retry) {
                observer.blockingRetry(shardId, pending.size(), clock.instant());
                if (!waiter.until(retry.at())) {
                    throw new InterruptedException("stopped while a batch waited for its retry");
                }
            } else if (next instanceof KinesisShardRules.Bisect && pending.size() > 1) {
                int half = pending.size() / 2;
                process(shardId, List.copyOf(pending.subList(0, half)), attempts);
                process(shardId, List.copyOf(pending.subList(half, pending.size())), attempts);
                return;
            } else if (next instanceof KinesisShardRules.Discard discard) {
                discard(shardId, pending, discard.condition(), attempts);
                return;
            } else {
                // A single record cannot be split: it is retried at the next poll.
                observer.blockingRetry(shardId, pending.size(), clock.instant());
                if (!waiter.until(rules.nextPollAt(clock.millis(), 0))) {
                    throw new InterruptedException("stopped while a batch waited for its retry");
                }
            }
        }
    }

    /** The records to try again: none on success, all on an error, from the first reported failure on a partial batch response. */
    private static List<Record> failedFrom(List<Record> batch, InvokeResult<StreamsEventResponse> result) {
        if (!(result instanceof InvokeResult.Success<StreamsEventResponse> success)) {
            return batch;
        }
        StreamsEventResponse response = success.output();
        if (response == null || response.getBatchItemFailures() == null || response.getBatchItemFailures().isEmpty()) {
            return List.of();
        }
        for (int i = 0; i < batch.size(); i++) {
            String sequenceNumber = batch.get(i).sequenceNumber();
            boolean failed = response.getBatchItemFailures().stream()
                    .anyMatch(f -> sequenceNumber.equals(f.getItemIdentifier()));
            if (failed) {
                return List.copyOf(batch.subList(i, batch.size()));
            }
        }
        // Failures naming no record of the batch: Lambda treats the whole batch as failed.
        return batch;
    }

    private static long arrivalMillis(Record record) {
        Instant arrived = record.approximateArrivalTimestamp();
        return arrived == null ? Long.MAX_VALUE : arrived.toEpochMilli();
    }

    private void discard(String shardId, List<Record> batch, KinesisShardRules.Condition condition, int attempts) {
        observer.discarded(shardId, batch.size(), condition, clock.instant());
        if (destination == null) {
            LOG.warn("{} record(s) of shard {} discarded ({}), no on-failure destination", batch.size(), shardId, condition);
            return;
        }
        try {
            destination.send(batch, shardId, config.streamArn(), condition, attempts, function.config().name(), clock.instant());
        } catch (RuntimeException e) {
            LOG.error("{} record(s) of shard {} discarded ({}) but not sent to the on-failure destination: {}",
                    batch.size(), shardId, condition, e.toString());
        }
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    /** The records of one shard that one concurrent batch takes, in stream order. */
    private static final class Lane {

        private final String shardId;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition arrived = lock.newCondition();
        private final java.util.ArrayDeque<Record> records = new java.util.ArrayDeque<>();

        Lane(String shardId) {
            this.shardId = shardId;
        }

        void add(Record record) {
            lock.lock();
            try {
                records.addLast(record);
                arrived.signalAll();
            } finally {
                lock.unlock();
            }
        }

        int size() {
            lock.lock();
            try {
                return records.size();
            } finally {
                lock.unlock();
            }
        }

        /** Waits up to a second for a record; true if one is there. */
        boolean awaitAny() throws InterruptedException {
            lock.lock();
            try {
                if (records.isEmpty()) {
                    arrived.await(1, TimeUnit.SECONDS);
                }
                return !records.isEmpty();
            } finally {
                lock.unlock();
            }
        }

        /** Waits until {@code epochMillis}, or until a record arrives. */
        void awaitUntil(long epochMillis) throws InterruptedException {
            lock.lock();
            try {
                if (records.isEmpty()) {
                    arrived.awaitUntil(new Date(epochMillis));
                }
            } finally {
                lock.unlock();
            }
        }

        void drainTo(List<Record> batch, int batchSize) {
            lock.lock();
            try {
                while (batch.size() < batchSize && !records.isEmpty()) {
                    batch.add(records.pollFirst());
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
