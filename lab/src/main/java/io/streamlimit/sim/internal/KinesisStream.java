package io.streamlimit.sim.internal;

import io.streamlimit.aws.rules.KinesisShardPoller.StreamRecord;
import io.streamlimit.aws.rules.KinesisShards;
import io.streamlimit.aws.rules.KinesisWriteLimits;
import java.util.Random;

/**
 * The API Gateway proxy and the Kinesis stream behind it: a put of one event goes to the shard its
 * partition key (the event's uid) hashes to ({@link KinesisShards}), unless that shard's write
 * limits refuse it ({@link KinesisWriteLimits}); the proxy passes the throttle back and the
 * producer retries when the rule says. An accepted record is handed to the mapping.
 */
final class KinesisStream implements Producer.Target {

    /**
     * An open or close event's JSON as the proxy puts it (type, uid, streamId, runId, seq): about
     * 200 bytes, one 25 KB PUT payload unit. An assumption of the simulator's, like its latencies.
     */
    static final int EVENT_BYTES = 200;

    private final Scheduler scheduler;
    private final KinesisShards shards;
    private final KinesisWriteLimits limits;
    private final KinesisMapping mapping;
    private final Recorder recorder;
    private final Random random;
    private final int users;
    private final String[] uids;
    private final int[] shardOfUser;

    KinesisStream(Scheduler scheduler, KinesisShards shards, KinesisWriteLimits limits, KinesisMapping mapping,
                  Recorder recorder, Random random, int users) {
        this.scheduler = scheduler;
        this.shards = shards;
        this.limits = limits;
        this.mapping = mapping;
        this.recorder = recorder;
        this.random = random;
        this.users = users;
        this.uids = new String[users];
        this.shardOfUser = new int[users];
        for (int u = 0; u < users; u++) {
            uids[u] = "viewer-" + u;
            shardOfUser[u] = shards.shardOf(uids[u]);
        }
    }

    /** The event's uid, as the local run's events have it: groups of three, group g to viewer-(g mod users). */
    private int user(int eventId) {
        return Math.floorMod(eventId / 3, users);
    }

    @Override
    public long publish(int eventId, int attempt) {
        long now = scheduler.now();
        int user = user(eventId);
        int shard = shardOfUser[user];
        recorder.kinesisPuts++;
        if (!limits.admit(shard, now, EVENT_BYTES)) {
            recorder.kinesisPutThrottle(now);
            return limits.retryAt(now, attempt, random);
        }
        recorder.kinesisPayloadUnits++;
        mapping.written(shard, new StreamRecord(eventId, uids[user], now));
        return ACCEPTED;
    }

    int shardCount() {
        return shards.count();
    }
}
