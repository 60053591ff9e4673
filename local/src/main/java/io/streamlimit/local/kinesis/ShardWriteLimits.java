package io.streamlimit.local.kinesis;

import io.streamlimit.aws.rules.KinesisShards;
import io.streamlimit.aws.rules.KinesisWriteLimits;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A provisioned stream's per-shard write limits in front of the local Kinesis (kinesis-local
 * does not enforce them): each put waits until the shared rule {@link KinesisWriteLimits} admits
 * it on its partition key's shard ({@link KinesisShards}), retrying a throttled put when the rule
 * says, as the producer behind the API proxy does ({@link #awaitAdmission}); or tries each put once
 * and reports a refusal, as the API proxy itself does ({@link #tryAdmit}).
 */
public final class ShardWriteLimits {

    /** No limits: every put is admitted at once. */
    public static final ShardWriteLimits NONE = new ShardWriteLimits(null, null, Clock.systemUTC(), null, at -> { });

    private final KinesisWriteLimits limits;
    private final KinesisShards shards;
    private final Clock clock;
    private final RandomGenerator random;
    private final Consumer<Instant> onThrottle;

    /** @param onThrottle hears each throttled put */
    public ShardWriteLimits(KinesisWriteLimits limits, KinesisShards shards, Clock clock, RandomGenerator random,
                            Consumer<Instant> onThrottle) {
        this.limits = limits;
        this.shards = shards;
        this.clock = clock;
        this.random = random;
        this.onThrottle = onThrottle;
    }

    /**
     * One try, as API Gateway's PutRecords integration makes it (it does not retry): true when the
     * partition key's shard takes a record of {@code bytes} now (and counts it), false when the shard
     * refuses it (ProvisionedThroughputExceededException).
     */
    public boolean tryAdmit(String partitionKey, int bytes) {
        if (limits == null) {
            return true;
        }
        int shard = shards.shardOf(partitionKey);
        boolean admitted;
        synchronized (this) {
            admitted = limits.admit(shard, clock.millis(), bytes);
        }
        if (!admitted) {
            onThrottle.accept(clock.instant());
        }
        return admitted;
    }

    /** The shard (0 to shards - 1) a partition key's records go to; 0 without limits. */
    public int shardOf(String partitionKey) {
        return shards == null ? 0 : shards.shardOf(partitionKey);
    }

    /** Returns once a record of {@code bytes} under {@code partitionKey} is admitted. */
    public void awaitAdmission(String partitionKey, int bytes) throws InterruptedException {
        if (limits == null) {
            return;
        }
        int shard = shards.shardOf(partitionKey);
        for (int attempt = 0; ; attempt++) {
            long retryAt;
            synchronized (this) {
                long now = clock.millis();
                if (limits.admit(shard, now, bytes)) {
                    return;
                }
                retryAt = limits.retryAt(now, attempt, random);
            }
            onThrottle.accept(clock.instant());
            long wait = retryAt - clock.millis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }
    }
}
