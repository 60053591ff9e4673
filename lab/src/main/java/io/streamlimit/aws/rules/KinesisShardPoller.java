package io.streamlimit.aws.rules;

import io.streamlimit.aws.AwsBehaviour;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The Kinesis event source mapping's reading of one shard, for either engine and its own clock.
 *
 * <ul>
 *   <li>Polling: "Lambda polls shards in your Kinesis data stream for records at a base rate of
 *       once per second for each shard" (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html).
 *       A record becomes readable at the shard's first poll at or after its arrival; the polls fall
 *       on a grid of {@code pollIntervalMillis} with a phase of the shard's own, so shards are not
 *       read in lockstep (the phase is an assumption). One read takes every readable record
 *       (GetRecords returns up to 10,000).</li>
 *   <li>Parallelization factor: up to {@code parallelizationFactor} batches of a shard run at once,
 *       "while maintaining in-order processing at the partition-key level"
 *       (https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-parallelization.html, the
 *       same guide). As Lambda does, partition keys are spread over that many lanes by their hash
 *       key; a lane runs one batch at a time in sequence order, so a batch only ever holds
 *       records of partition keys not in flight.</li>
 *   <li>Batching window: a lane invokes when it holds {@code batchSize} readable records, or when
 *       {@code windowMillis} has passed since its first readable record was read, or at once
 *       without a window (https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-batchwindow.html).</li>
 *   <li>Errors ({@link KinesisBatchOutcome}): a throttled or failed batch is retried at the
 *       lane's next poll (an assumption: AWS does not publish the interval) and blocks its lane
 *       (with factor 1, the shard) until it succeeds, its records pass {@code maxRecordAgeMillis},
 *       or its counted retries run out; bisected halves are retried first half first.
 *       Expired and exhausted records go to the on-failure destination ({@link Discarded}).</li>
 * </ul>
 * The engine tells it each record written ({@link #written}), asks {@link #next} for what to do at
 * its clock's now until it answers {@link WaitUntil} or {@link Idle}, and reports each batch's
 * outcome ({@link #completed}). Not thread-safe.
 */
public final class KinesisShardPoller {

    /** The mapping's settings, shared by every shard. {@code maxRecordAgeMillis} -1: infinite. */
    public record Settings(int batchSize, long windowMillis, int parallelizationFactor, long pollIntervalMillis,
                           boolean bisectOnError, int maxRetryAttempts, long maxRecordAgeMillis) {
        public Settings {
            RuleChecks.positive("batchSize", batchSize);
            RuleChecks.nonNegative("windowMillis", windowMillis);
            RuleChecks.positive("parallelizationFactor", parallelizationFactor);
            RuleChecks.positive("pollIntervalMillis", pollIntervalMillis);
            if (maxRetryAttempts < -1) {
                throw new IllegalArgumentException("maxRetryAttempts: must be -1 (infinite) or more, got " + maxRetryAttempts);
            }
            if (maxRecordAgeMillis < -1) {
                throw new IllegalArgumentException("maxRecordAgeMillis: must be -1 (infinite) or more, got " + maxRecordAgeMillis);
            }
        }

        /** A scenario's stream settings (seconds, -1 for infinite) under {@code aws}'s poll interval. */
        public static Settings of(AwsBehaviour aws, int batchSize, int windowSeconds, int parallelizationFactor,
                                  boolean bisectOnError, int maxRetryAttempts, int maxRecordAgeSeconds) {
            return new Settings(batchSize, windowSeconds * 1_000L, parallelizationFactor,
                    aws.shardPollInterval().toMillis(), bisectOnError, maxRetryAttempts,
                    maxRecordAgeSeconds < 0 ? -1 : maxRecordAgeSeconds * 1_000L);
        }

        /** A shard's poll phase, drawn uniformly in one interval. */
        public long phase(RandomGenerator random) {
            return (long) (random.nextDouble() * pollIntervalMillis);
        }
    }

    /** One record of the shard, as the engine knows it: an id of its own, the partition key, its arrival. */
    public record StreamRecord(long id, String partitionKey, long arrivedAt) {
    }

    /** Records of one lane invoked together; {@code retries} counted retries used so far. */
    public record Batch(int shard, int lane, List<StreamRecord> records, int retries) {
        public int size() {
            return records.size();
        }
    }

    /** Why records went to the on-failure destination (the names AWS's metadata uses). */
    public enum Reason {
        RETRY_ATTEMPTS_EXHAUSTED("RetryAttemptsExhausted"),
        RECORD_AGE_EXCEEDED("RecordAgeExceeded");

        private final String awsName;

        Reason(String awsName) {
            this.awsName = awsName;
        }

        public String awsName() {
            return awsName;
        }
    }

    /**
     * Records given up, with the metadata the on-failure destination receives: the shard, the
     * sequence range (the engine's ids of the first and last record), the batch size and the reason.
     */
    public record Discarded(int shard, List<StreamRecord> records, Reason reason) {
        public long firstId() {
            return records.get(0).id();
        }

        public long lastId() {
            return records.get(records.size() - 1).id();
        }

        public long firstArrivedAt() {
            return records.get(0).arrivedAt();
        }

        public long lastArrivedAt() {
            return records.get(records.size() - 1).arrivedAt();
        }
    }

    /** What the engine does next with this shard. */
    public sealed interface Next {
    }

    /** Invoke the function with this batch now. */
    public record Invoke(Batch batch) implements Next {
    }

    /** Send these records' metadata to the on-failure destination. */
    public record Discard(Discarded discarded) implements Next {
    }

    /** Nothing to do before {@code at} (a poll, a closing window or a retry), unless a record is written. */
    public record WaitUntil(long at) implements Next {
    }

    /** Nothing to do until a record is written or a batch completes. */
    public record Idle() implements Next {
    }

    private final class Lane {
        final int index;
        final ArrayDeque<StreamRecord> queue = new ArrayDeque<>();
        final ArrayDeque<Batch> halves = new ArrayDeque<>();
        Batch current;
        boolean inFlight;
        long retryAt;

        Lane(int index) {
            this.index = index;
        }
    }

    private final int shard;
    private final Settings settings;
    private final long phase;
    private final Lane[] lanes;
    private final ArrayDeque<Discarded> discards = new ArrayDeque<>();
    private final Map<String, Integer> laneOfKey = new HashMap<>();
    private long unprocessed;

    /** @param phaseMillis where this shard's polls fall in each interval, 0 to the interval */
    public KinesisShardPoller(int shard, Settings settings, long phaseMillis) {
        this.shard = (int) RuleChecks.nonNegative("shard", shard);
        this.settings = RuleChecks.required("settings", settings);
        if (phaseMillis < 0 || phaseMillis >= settings.pollIntervalMillis()) {
            throw new IllegalArgumentException("phaseMillis: must be 0 to " + (settings.pollIntervalMillis() - 1)
                    + ", got " + phaseMillis);
        }
        this.phase = phaseMillis;
        this.lanes = new Lane[settings.parallelizationFactor()];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new Lane(i);
        }
    }

    public int shard() {
        return shard;
    }

    /** The shard's first poll at or after {@code time}: when a record arriving then is read. */
    public long readAt(long time) {
        long interval = settings.pollIntervalMillis();
        return Math.floorDiv(time - phase + interval - 1, interval) * interval + phase;
    }

    /** The lane of a partition key: its hash key modulo the parallelization factor. */
    public int laneOf(String partitionKey) {
        if (lanes.length == 1) {
            return 0;
        }
        return laneOfKey.computeIfAbsent(partitionKey,
                k -> KinesisShards.hashKey(k).mod(BigInteger.valueOf(lanes.length)).intValue());
    }

    /** A record written to this shard, in the shard's sequence order (arrivals never go back in time). */
    public void written(StreamRecord record) {
        RuleChecks.required("record", record);
        Lane lane = lanes[laneOf(record.partitionKey())];
        StreamRecord last = lane.queue.peekLast();
        if (last != null && record.arrivedAt() < last.arrivedAt()) {
            throw new IllegalArgumentException("record.arrivedAt: must not be before the shard's last record ("
                    + last.arrivedAt() + "), got " + record.arrivedAt());
        }
        lane.queue.addLast(record);
        unprocessed++;
    }

    /** Records written and not yet done or discarded, in flight included. */
    public long unprocessed() {
        return unprocessed;
    }

    /** Arrival of the shard's oldest unprocessed record, or -1 when there is none. */
    public long oldestUnprocessedArrival() {
        long oldest = -1;
        for (Lane lane : lanes) {
            StreamRecord head = lane.queue.peekFirst();
            if (head != null && (oldest < 0 || head.arrivedAt() < oldest)) {
                oldest = head.arrivedAt();
            }
        }
        return oldest;
    }

    /** The shard's iterator age at {@code now}: how old its oldest unprocessed record is (0: none). */
    public long iteratorAgeMillis(long now) {
        long oldest = oldestUnprocessedArrival();
        return oldest < 0 ? 0 : Math.max(0, now - oldest);
    }

    /** The stream's iterator age: the oldest of its shards' (GetRecords.IteratorAgeMilliseconds' maximum). */
    public static long iteratorAgeMillis(long now, KinesisShardPoller[] shards) {
        long age = 0;
        for (KinesisShardPoller s : shards) {
            age = Math.max(age, s.iteratorAgeMillis(now));
        }
        return age;
    }

    /** What to do at {@code now}: call again after an Invoke or a Discard, until WaitUntil or Idle. */
    public Next next(long now) {
        if (!discards.isEmpty()) {
            return new Discard(discards.poll());
        }
        long wake = Long.MAX_VALUE;
        for (Lane lane : lanes) {
            if (lane.inFlight) {
                continue;
            }
            Next next = next(lane, now);
            if (next instanceof WaitUntil wait) {
                wake = Math.min(wake, wait.at());
            } else if (!(next instanceof Idle)) {
                return next;
            }
        }
        return wake == Long.MAX_VALUE ? new Idle() : new WaitUntil(wake);
    }

    private Next next(Lane lane, long now) {
        if (lane.current != null) {
            if (now < lane.retryAt) {
                return new WaitUntil(lane.retryAt);
            }
            List<StreamRecord> expired = expiredPrefix(lane.current.records(), now);
            if (!expired.isEmpty()) {
                List<StreamRecord> rest = lane.current.records().subList(expired.size(), lane.current.size());
                // A wholly expired batch gives way to the next bisected half, if any (current is
                // null only when no half is left: a new batch then starts at the queue's head).
                lane.current = rest.isEmpty() ? lane.halves.poll()
                        : new Batch(shard, lane.index, List.copyOf(rest), lane.current.retries());
                return discard(lane, expired, Reason.RECORD_AGE_EXCEEDED);
            }
            lane.inFlight = true;
            return new Invoke(lane.current);
        }
        StreamRecord head = lane.queue.peekFirst();
        if (head == null) {
            return new Idle();
        }
        long headReadAt = readAt(head.arrivedAt());
        if (headReadAt > now) {
            return new WaitUntil(headReadAt);
        }
        if (expired(head, now)) {
            List<StreamRecord> expired = new ArrayList<>();
            for (StreamRecord r : lane.queue) {
                if (!expired(r, now)) {
                    break;
                }
                expired.add(r);
            }
            return discard(lane, expired, Reason.RECORD_AGE_EXCEEDED);
        }
        List<StreamRecord> batch = new ArrayList<>(Math.min(settings.batchSize(), lane.queue.size()));
        for (Iterator<StreamRecord> it = lane.queue.iterator(); it.hasNext() && batch.size() < settings.batchSize(); ) {
            StreamRecord r = it.next();
            if (readAt(r.arrivedAt()) > now) {
                break;
            }
            batch.add(r);
        }
        long windowClosesAt = headReadAt + settings.windowMillis();
        if (batch.size() < settings.batchSize() && settings.windowMillis() > 0 && now < windowClosesAt) {
            return new WaitUntil(windowClosesAt);
        }
        lane.current = new Batch(shard, lane.index, List.copyOf(batch), 0);
        lane.inFlight = true;
        return new Invoke(lane.current);
    }

    /**
     * The outcome of a batch {@link #next} handed out: the lane moves on, retries it (blocked
     * meanwhile) or gives it up; the resolution says which, for the engine's tally.
     */
    public KinesisBatchOutcome.Resolution completed(Batch batch, KinesisBatchOutcome outcome, long now) {
        RuleChecks.required("outcome", outcome);
        Lane lane = lanes[batch.lane()];
        if (lane.current != batch || !lane.inFlight) {
            throw new IllegalArgumentException("batch: not the one in flight on lane " + batch.lane() + " of shard " + shard);
        }
        lane.inFlight = false;
        KinesisBatchOutcome.Resolution resolution = outcome.resolve(batch.size(), batch.retries(),
                settings.bisectOnError(), settings.maxRetryAttempts());
        if (resolution instanceof KinesisBatchOutcome.Done) {
            removeHead(lane, batch.size());
            lane.current = lane.halves.poll();
            lane.retryAt = now;
        } else if (resolution instanceof KinesisBatchOutcome.Retry retry) {
            lane.current = new Batch(shard, lane.index, batch.records(), retry.retries());
            lane.retryAt = now + settings.pollIntervalMillis();
        } else if (resolution instanceof KinesisBatchOutcome.Bisect bisect) {
            List<StreamRecord> records = batch.records();
            lane.halves.addFirst(new Batch(shard, lane.index,
                    records.subList(bisect.firstHalfSize(), records.size()), batch.retries()));
            lane.current = new Batch(shard, lane.index, records.subList(0, bisect.firstHalfSize()), batch.retries());
            lane.retryAt = now + settings.pollIntervalMillis();
        } else {
            lane.current = lane.halves.poll();
            lane.retryAt = now;
            discards.add(discarded(lane, batch.records(), Reason.RETRY_ATTEMPTS_EXHAUSTED));
        }
        return resolution;
    }

    private Next discard(Lane lane, List<StreamRecord> records, Reason reason) {
        return new Discard(discarded(lane, List.copyOf(records), reason));
    }

    private Discarded discarded(Lane lane, List<StreamRecord> records, Reason reason) {
        removeHead(lane, records.size());
        return new Discarded(shard, records, reason);
    }

    private void removeHead(Lane lane, int count) {
        for (int i = 0; i < count; i++) {
            lane.queue.removeFirst();
        }
        unprocessed -= count;
    }

    private List<StreamRecord> expiredPrefix(List<StreamRecord> records, long now) {
        int n = 0;
        while (n < records.size() && expired(records.get(n), now)) {
            n++;
        }
        return records.subList(0, n);
    }

    private boolean expired(StreamRecord record, long now) {
        return settings.maxRecordAgeMillis() >= 0 && now - record.arrivedAt() > settings.maxRecordAgeMillis();
    }
}
