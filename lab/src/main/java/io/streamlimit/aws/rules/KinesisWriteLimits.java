package io.streamlimit.aws.rules;

import io.streamlimit.aws.AwsBehaviour;
import java.util.random.RandomGenerator;

/**
 * A provisioned stream's per-shard write limits and what the producer does when it meets them.
 * Documented: each shard accepts up to 1,000 records and 1 MB of writes a second; beyond that
 * PutRecord(s) fails with ProvisionedThroughputExceededException
 * (https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html). Kinesis does not
 * say over which window it measures; this rule counts per shard in whole seconds of the caller's
 * clock (an assumption). API Gateway's AWS integration passes the error back without retrying;
 * the producer retries with exponential backoff and full jitter, as the AWS SDKs' standard retry
 * mode does ({@code putRetryInitialBackoff} to {@code putRetryMaxBackoff}, an assumption, see
 * {@code CurrentAws}).
 *
 * <p>One instance per stream, not thread-safe: the emulator calls it under its own lock.
 */
public final class KinesisWriteLimits {

    private final int recordsPerSecond;
    private final long bytesPerSecond;
    private final long initialBackoffMillis;
    private final long maxBackoffMillis;
    private final long[] second;
    private final int[] records;
    private final long[] bytes;

    public KinesisWriteLimits(int shards, int recordsPerSecond, long bytesPerSecond, long initialBackoffMillis,
                              long maxBackoffMillis) {
        RuleChecks.positive("shards", shards);
        this.recordsPerSecond = (int) RuleChecks.positive("recordsPerSecond", recordsPerSecond);
        this.bytesPerSecond = RuleChecks.positive("bytesPerSecond", bytesPerSecond);
        this.initialBackoffMillis = RuleChecks.positive("initialBackoffMillis", initialBackoffMillis);
        this.maxBackoffMillis = RuleChecks.positive("maxBackoffMillis", maxBackoffMillis);
        this.second = new long[shards];
        this.records = new int[shards];
        this.bytes = new long[shards];
        java.util.Arrays.fill(second, Long.MIN_VALUE);
    }

    /** The behaviour's limits for a stream of {@code shards}. */
    public static KinesisWriteLimits of(AwsBehaviour aws, int shards) {
        return new KinesisWriteLimits(shards, aws.shardWriteRecordsPerSecond(), aws.shardWriteBytesPerSecond(),
                aws.putRetryInitialBackoff().toMillis(), aws.putRetryMaxBackoff().toMillis());
    }

    /**
     * A write of one record of {@code recordBytes} to {@code shard} at {@code nowMillis}: true when the
     * shard takes it (and counts it), false when it is throttled (ProvisionedThroughputExceededException).
     */
    public boolean admit(int shard, long nowMillis, int recordBytes) {
        if (shard < 0 || shard >= second.length) {
            throw new IllegalArgumentException("shard: must be 0 to " + (second.length - 1) + ", got " + shard);
        }
        RuleChecks.positive("recordBytes", recordBytes);
        long s = Math.floorDiv(nowMillis, 1_000L);
        if (second[shard] != s) {
            second[shard] = s;
            records[shard] = 0;
            bytes[shard] = 0;
        }
        if (records[shard] + 1 > recordsPerSecond || bytes[shard] + recordBytes > bytesPerSecond) {
            return false;
        }
        records[shard]++;
        bytes[shard] += recordBytes;
        return true;
    }

    /** How long the producer waits before its {@code attempt}-th retry (0: the first) of a throttled put. */
    public long retryDelayMillis(int attempt, RandomGenerator random) {
        return Backoff.exponential(attempt, initialBackoffMillis, maxBackoffMillis, 1.0, random);
    }

    /** The producer's next try after a throttle at {@code nowMillis}, its {@code attempt}-th retry. */
    public long retryAt(long nowMillis, int attempt, RandomGenerator random) {
        return nowMillis + retryDelayMillis(attempt, random);
    }
}
