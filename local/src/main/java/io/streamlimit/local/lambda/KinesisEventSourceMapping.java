package io.streamlimit.local.lambda;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.streamlimit.aws.rules.KinesisBatchOutcome;
import io.streamlimit.aws.rules.KinesisShardPoller;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * A Kinesis event source mapping on the wall clock, against a real Kinesis API (kinesis-local).
 * Every decision is the shared rule {@link KinesisShardPoller}'s, the one the simulator drives in
 * virtual time: when a record becomes readable (the shard's once-a-second polls), which lane of
 * the parallelization factor takes a partition key, when a lane invokes (batch size, window), and
 * what a failed batch does ({@link KinesisBatchOutcome}: retry blocking its lane, bisect, give up
 * to the on-failure destination, expire). The emulator only moves records and time: per shard a
 * reader calls GetShardIterator once and GetRecords at the shard's polls and tells the rule each
 * record written; a driver asks the rule what to do next, invokes the function with the batches
 * it hands out (lanes side by side) and reports each outcome back.
 *
 * <p>The consumer fails a batch by throwing (the mapping runs without ReportBatchItemFailures, as
 * the rule models it); a response that still lists failures counts as a function error too, so
 * no failed record is ever taken as done.
 */
public final class KinesisEventSourceMapping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KinesisEventSourceMapping.class);
    /** Records a shard's reader holds unprocessed before it stops reading: the emulator's memory, GetRecords' maximum. */
    private static final int READ_AHEAD = 10_000;

    private final KinesisClient kinesis;
    private final KinesisMappingConfig config;
    private final LambdaFunction<KinesisEvent, StreamsEventResponse> function;
    private final Clock clock;
    private final KinesisMappingObserver observer;
    private final Waiter waiter;
    private final KinesisFailureDestination destination;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<ShardDriver> shards = new CopyOnWriteArrayList<>();
    private final ExecutorService invokers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "esm-kinesis-invoke");
        t.setDaemon(true);
        return t;
    });

    public KinesisEventSourceMapping(KinesisClient kinesis, SqsClient sqs, KinesisMappingConfig config,
            LambdaFunction<KinesisEvent, StreamsEventResponse> function, Clock clock, KinesisMappingObserver observer) {
        this(kinesis, sqs, config, function, clock, observer, new WallClockWaiter(clock));
    }

    /** The same, waiting through {@code waiter}. */
    public KinesisEventSourceMapping(KinesisClient kinesis, SqsClient sqs, KinesisMappingConfig config,
            LambdaFunction<KinesisEvent, StreamsEventResponse> function, Clock clock, KinesisMappingObserver observer,
            Waiter waiter) {
        this.kinesis = kinesis;
        this.config = config;
        this.function = function;
        this.clock = clock;
        this.observer = observer;
        this.waiter = waiter;
        this.destination = config.onFailureQueueUrl() == null ? null
                : new KinesisFailureDestination(sqs, config.onFailureQueueUrl());
    }

    /** Starts a reader and a driver for every shard the stream has now. */
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        List<Shard> shards = kinesis.listShards(b -> b.streamName(config.streamName())).shards();
        for (int i = 0; i < shards.size(); i++) {
            // Each shard's poll phase is the rule's draw; seeded by the shard, so a stack's runs repeat it.
            ShardDriver shard = new ShardDriver(shards.get(i).shardId(), new KinesisShardPoller(i, config.settings(),
                    config.settings().phase(new Random(i))));
            this.shards.add(shard);
            spawn("esm-kinesis-reader", shard::readLoop);
            spawn("esm-kinesis-driver", shard::driveLoop);
        }
    }

    /** The stream's iterator age now: the oldest unprocessed record's age over every shard, as the rule measures it. */
    public long iteratorAgeMillis() {
        List<ShardDriver> all = List.copyOf(shards);
        KinesisShardPoller[] pollers = new KinesisShardPoller[all.size()];
        // Every shard's lock, always in the same order (nothing else holds two), so the ages are of one moment.
        for (int i = 0; i < pollers.length; i++) {
            all.get(i).lock.lock();
            pollers[i] = all.get(i).poller;
        }
        try {
            return KinesisShardPoller.iteratorAgeMillis(clock.millis(), pollers);
        } finally {
            for (ShardDriver shard : all) {
                shard.lock.unlock();
            }
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
        invokers.shutdownNow();
    }

    /** One shard: the rule's poller, the records it knows by id, and the two loops that serve it. */
    private final class ShardDriver {

        private final String shardId;
        private final KinesisShardPoller poller;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final Map<Long, Record> records = new HashMap<>();
        private final Map<Long, Integer> invokes = new HashMap<>();
        private long nextId;

        ShardDriver(String shardId, KinesisShardPoller poller) {
            this.shardId = shardId;
            this.poller = poller;
        }

        /** GetRecords at each of the shard's polls; every record goes to the rule, which decides when it is readable. */
        void readLoop() {
            String iterator = null;
            while (running.get()) {
                try {
                    if (iterator == null) {
                        iterator = kinesis.getShardIterator(b -> b.streamName(config.streamName()).shardId(shardId)
                                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                        observer.kinesisRequests(1);
                    }
                    if (unprocessed() < READ_AHEAD) {
                        String current = iterator;
                        GetRecordsResponse response = kinesis.getRecords(b -> b.shardIterator(current));
                        observer.kinesisRequests(1);
                        written(response.records());
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
                // The shard's next poll: the first at or after now, which is past the one just made.
                if (!waiter.until(poller.readAt(clock.millis())) || !running.get()) {
                    return;
                }
            }
        }

        private long unprocessed() {
            lock.lock();
            try {
                return poller.unprocessed();
            } finally {
                lock.unlock();
            }
        }

        private void written(List<Record> fetched) {
            if (fetched.isEmpty()) {
                return;
            }
            lock.lock();
            try {
                for (Record record : fetched) {
                    long id = nextId++;
                    records.put(id, record);
                    poller.written(new KinesisShardPoller.StreamRecord(id, record.partitionKey(),
                            record.approximateArrivalTimestamp().toEpochMilli()));
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Asks the rule what to do until it says wait; invokes run on their own threads and report back. */
        void driveLoop() {
            lock.lock();
            try {
                while (running.get()) {
                    KinesisShardPoller.Next next = poller.next(clock.millis());
                    if (next instanceof KinesisShardPoller.Invoke invoke) {
                        List<Record> batch = sdkRecords(invoke.batch().records());
                        invoke.batch().records().forEach(r -> invokes.merge(r.id(), 1, Integer::sum));
                        invokers.execute(() -> invoke(invoke.batch(), batch));
                    } else if (next instanceof KinesisShardPoller.Discard discard) {
                        discard(discard.discarded());
                    } else if (next instanceof KinesisShardPoller.WaitUntil wait) {
                        changed.awaitUntil(new Date(wait.at()));
                    } else {
                        changed.await(1, TimeUnit.SECONDS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        }

        private List<Record> sdkRecords(List<KinesisShardPoller.StreamRecord> batch) {
            List<Record> sdk = new ArrayList<>(batch.size());
            for (KinesisShardPoller.StreamRecord r : batch) {
                sdk.add(records.get(r.id()));
            }
            return sdk;
        }

        private void invoke(KinesisShardPoller.Batch batch, List<Record> sdkBatch) {
            InvokeResult<StreamsEventResponse> result = function.invoke(
                    KinesisLambdaEvents.of(sdkBatch, shardId, config.streamArn()), sdkBatch.size());
            KinesisBatchOutcome outcome = outcome(result);
            lock.lock();
            try {
                if (!running.get()) {
                    return;
                }
                KinesisBatchOutcome.Resolution resolution = poller.completed(batch, outcome, clock.millis());
                if (resolution instanceof KinesisBatchOutcome.Done) {
                    forget(batch.records());
                } else if (resolution instanceof KinesisBatchOutcome.Retry
                        || resolution instanceof KinesisBatchOutcome.Bisect) {
                    observer.blockingRetry(shardId, batch.size(), clock.instant());
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Called with the lock held: the metadata to the on-failure destination, the records forgotten. */
        private void discard(KinesisShardPoller.Discarded discarded) {
            List<Record> batch = sdkRecords(discarded.records());
            int attempts = invokes.getOrDefault(discarded.firstId(), 0);
            String reason = discarded.reason().awsName();
            forget(discarded.records());
            observer.discarded(shardId, batch.stream().map(r -> r.data().asUtf8String()).toList(), reason, clock.instant());
            if (destination == null) {
                LOG.warn("{} record(s) of shard {} given up ({}), no on-failure destination", batch.size(), shardId, reason);
                return;
            }
            try {
                destination.send(batch, shardId, config.streamArn(), reason, attempts, function.config().name(),
                        clock.instant());
            } catch (RuntimeException e) {
                LOG.error("{} record(s) of shard {} given up ({}) but not sent to the on-failure destination: {}",
                        batch.size(), shardId, reason, e.toString());
            }
        }

        private void forget(List<KinesisShardPoller.StreamRecord> done) {
            for (KinesisShardPoller.StreamRecord r : done) {
                records.remove(r.id());
                invokes.remove(r.id());
            }
        }
    }

    /** How the invoke ended, in the rule's terms. */
    private static KinesisBatchOutcome outcome(InvokeResult<StreamsEventResponse> result) {
        if (result instanceof InvokeResult.Throttled) {
            return new KinesisBatchOutcome.Throttled();
        }
        if (result instanceof InvokeResult.Success<StreamsEventResponse> success) {
            StreamsEventResponse response = success.output();
            boolean failures = response != null && response.getBatchItemFailures() != null
                    && !response.getBatchItemFailures().isEmpty();
            return failures ? new KinesisBatchOutcome.FunctionError() : new KinesisBatchOutcome.Succeeded();
        }
        return new KinesisBatchOutcome.FunctionError();
    }
}
