package io.streamlimit.sim.internal;

import io.streamlimit.aws.rules.KinesisBatchOutcome;
import io.streamlimit.aws.rules.KinesisShardPoller;
import io.streamlimit.aws.rules.KinesisShardPoller.Batch;
import io.streamlimit.aws.rules.KinesisShardPoller.Discard;
import io.streamlimit.aws.rules.KinesisShardPoller.Invoke;
import io.streamlimit.aws.rules.KinesisShardPoller.Next;
import io.streamlimit.aws.rules.KinesisShardPoller.StreamRecord;
import io.streamlimit.aws.rules.KinesisShardPoller.WaitUntil;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The Kinesis event source mapping in virtual time: one {@link KinesisShardPoller} per shard
 * decides what to invoke, retry or give up and when; this class wakes each shard when the rule
 * says, invokes the function, tells the rule each outcome, sends given-up records' metadata to the
 * on-failure destination (an SQS queue: one message per discarded batch) and samples the
 * stream's iterator age once a second.
 */
final class KinesisMapping implements Scheduler.Action {

    private static final long SAMPLE = -1;
    private static final long SAMPLE_EVERY_MILLIS = 1_000;

    private final Scheduler scheduler;
    private final KinesisShardPoller[] shards;
    private final LambdaFunction function;
    private final Recorder recorder;
    private final EventStates events;
    private final long[] wakeAt;
    private final int[] ids;
    private boolean sampling;

    KinesisMapping(Scheduler scheduler, int shardCount, KinesisShardPoller.Settings settings, LambdaFunction function,
                   Recorder recorder, EventStates events, Random random) {
        this.scheduler = scheduler;
        this.function = function;
        this.recorder = recorder;
        this.events = events;
        this.shards = new KinesisShardPoller[shardCount];
        for (int s = 0; s < shardCount; s++) {
            shards[s] = new KinesisShardPoller(s, settings, settings.phase(random));
        }
        this.wakeAt = new long[shardCount];
        Arrays.fill(wakeAt, Long.MAX_VALUE);
        this.ids = new int[settings.batchSize()];
    }

    /** A record the stream accepted. */
    void written(int shard, StreamRecord record) {
        shards[shard].written(record);
        wake(shard, scheduler.now());
        if (!sampling) {
            sampling = true;
            scheduler.at(scheduler.now(), Scheduler.TICK, this, SAMPLE);
        }
    }

    @Override
    public void fire(long tag) {
        if (tag == SAMPLE) {
            sample();
            return;
        }
        int shard = (int) tag;
        if (wakeAt[shard] != scheduler.now()) {
            return; // overtaken by an earlier wake
        }
        wakeAt[shard] = Long.MAX_VALUE;
        drive(shard);
    }

    private void wake(int shard, long at) {
        if (at < wakeAt[shard]) {
            wakeAt[shard] = at;
            scheduler.at(at, Scheduler.ACT, this, shard);
        }
    }

    /** Does what the shard's rule says until it waits. */
    private void drive(int shard) {
        KinesisShardPoller poller = shards[shard];
        long now = scheduler.now();
        while (true) {
            Next next = poller.next(now);
            if (next instanceof Invoke invoke) {
                invoke(poller, invoke.batch());
            } else if (next instanceof Discard discard) {
                onFailure(discard.discarded());
            } else {
                if (next instanceof WaitUntil wait) {
                    wake(shard, wait.at());
                }
                return;
            }
        }
    }

    private void invoke(KinesisShardPoller poller, Batch batch) {
        List<StreamRecord> records = batch.records();
        for (int i = 0; i < records.size(); i++) {
            ids[i] = (int) records.get(i).id();
        }
        BatchCall call = new BatchCall(poller, batch);
        if (!function.tryInvoke(call, ids, records.size())) {
            long now = scheduler.now();
            recorder.throttle(now, records.size() == 1 ? ids[0] : null, records.size());
            resolved(poller, batch, new KinesisBatchOutcome.Throttled());
        }
    }

    /** One batch's invocation, told its outcome. */
    private final class BatchCall implements LambdaFunction.Caller {
        private final KinesisShardPoller poller;
        private final Batch batch;

        BatchCall(KinesisShardPoller poller, Batch batch) {
            this.poller = poller;
            this.batch = batch;
        }

        @Override
        public void onResult(Invocation invocation) {
            boolean failed = invocation.timedOut;
            for (boolean ok : invocation.succeeded) {
                failed |= !ok;
            }
            // No ReportBatchItemFailures on this mapping: one failed record fails the whole batch.
            resolved(poller, batch, failed ? new KinesisBatchOutcome.FunctionError() : new KinesisBatchOutcome.Succeeded());
            drive(poller.shard());
        }
    }

    private void resolved(KinesisShardPoller poller, Batch batch, KinesisBatchOutcome outcome) {
        long now = scheduler.now();
        KinesisBatchOutcome.Resolution resolution = poller.completed(batch, outcome, now);
        if (resolution instanceof KinesisBatchOutcome.Done) {
            for (StreamRecord r : batch.records()) {
                events.succeeded((int) r.id(), now);
            }
        } else if (resolution instanceof KinesisBatchOutcome.Retry || resolution instanceof KinesisBatchOutcome.Bisect) {
            recorder.shardRetry(now);
        }
    }

    private void onFailure(KinesisShardPoller.Discarded discarded) {
        long now = scheduler.now();
        recorder.sqsSends++; // the on-failure destination gets one message with the batch's metadata
        for (StreamRecord r : discarded.records()) {
            recorder.deadLetter(now, (int) r.id());
            events.dead((int) r.id(), now);
        }
    }

    /** The stream's iterator age, once a second while records are unprocessed. */
    private void sample() {
        long now = scheduler.now();
        long age = KinesisShardPoller.iteratorAgeMillis(now, shards);
        recorder.iteratorAge(now, age);
        boolean any = false;
        for (KinesisShardPoller s : shards) {
            any |= s.unprocessed() > 0;
        }
        if (any || !events.allResolved()) {
            scheduler.after(SAMPLE_EVERY_MILLIS, Scheduler.TICK, this, SAMPLE);
        } else {
            sampling = false;
        }
    }
}
