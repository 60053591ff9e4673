package io.streamlimit.scenario;

import io.streamlimit.aws.AwsBehaviour;

/**
 * The Kinesis data stream and its event source mapping (only for {@code api-kinesis-lambda}). A
 * stream built in code checks AWS's limits as documented today ({@link AwsBehaviour#current()});
 * {@link #validate(AwsBehaviour)} checks those of the behaviour the scenario runs under.
 *
 * @param shards provisioned shards, 1 to the account's shard quota; each takes 1,000 records or
 *     1 MB a second of writes
 * @param batchSize records per invocation, 1 to 10,000 (AWS's default 100)
 * @param batchWindowSeconds MaximumBatchingWindowInSeconds, 0 to 300
 * @param parallelizationFactor concurrent batches per shard, 1 to 10
 * @param bisectOnError BisectBatchOnFunctionError: a failed batch is split in two and the halves retried
 * @param maxRetryAttempts MaximumRetryAttempts, -1 (infinite, AWS's default) or 0 to 10,000
 * @param maxRecordAgeSeconds MaximumRecordAgeInSeconds, -1 (infinite, AWS's default) or 60 to 604,800
 */
public record StreamSpec(
        int shards,
        int batchSize,
        int batchWindowSeconds,
        int parallelizationFactor,
        boolean bisectOnError,
        int maxRetryAttempts,
        int maxRecordAgeSeconds) {

    /** -1: retry or keep a record for ever, as in AWS's API. */
    public static final int INFINITE = -1;
    /** Defaults for keys a scenario file may omit: AWS's own, and one shard. */
    public static final int DEFAULT_SHARDS = 1;
    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final int DEFAULT_BATCH_WINDOW_SECONDS = 0;
    public static final int DEFAULT_PARALLELIZATION_FACTOR = 1;
    public static final boolean DEFAULT_BISECT_ON_ERROR = false;

    public StreamSpec {
        check(shards, batchSize, batchWindowSeconds, parallelizationFactor, maxRetryAttempts, maxRecordAgeSeconds,
                AwsBehaviour.current());
    }

    /** The stream a scenario gets when it names {@code api-kinesis-lambda} without a {@code stream} block. */
    public static StreamSpec defaults() {
        return new StreamSpec(DEFAULT_SHARDS, DEFAULT_BATCH_SIZE, DEFAULT_BATCH_WINDOW_SECONDS,
                DEFAULT_PARALLELIZATION_FACTOR, DEFAULT_BISECT_ON_ERROR, INFINITE, INFINITE);
    }

    /**
     * Checks this stream against the limits of {@code aws}.
     *
     * @return this stream
     * @throws ScenarioException naming the first key AWS would refuse
     */
    public StreamSpec validate(AwsBehaviour aws) {
        check(shards, batchSize, batchWindowSeconds, parallelizationFactor, maxRetryAttempts, maxRecordAgeSeconds, aws);
        return this;
    }

    public StreamSpec withShards(int newShards) {
        return new StreamSpec(newShards, batchSize, batchWindowSeconds, parallelizationFactor, bisectOnError,
                maxRetryAttempts, maxRecordAgeSeconds);
    }

    public StreamSpec withBatchSize(int newBatchSize) {
        return new StreamSpec(shards, newBatchSize, batchWindowSeconds, parallelizationFactor, bisectOnError,
                maxRetryAttempts, maxRecordAgeSeconds);
    }

    public StreamSpec withBatchWindowSeconds(int seconds) {
        return new StreamSpec(shards, batchSize, seconds, parallelizationFactor, bisectOnError,
                maxRetryAttempts, maxRecordAgeSeconds);
    }

    public StreamSpec withParallelizationFactor(int factor) {
        return new StreamSpec(shards, batchSize, batchWindowSeconds, factor, bisectOnError,
                maxRetryAttempts, maxRecordAgeSeconds);
    }

    public StreamSpec withErrorHandling(boolean bisect, int retryAttempts, int recordAgeSeconds) {
        return new StreamSpec(shards, batchSize, batchWindowSeconds, parallelizationFactor, bisect,
                retryAttempts, recordAgeSeconds);
    }

    /** True unless retries are infinite. */
    public boolean retriesLimited() {
        return maxRetryAttempts != INFINITE;
    }

    /** True unless records are kept for ever. */
    public boolean recordAgeLimited() {
        return maxRecordAgeSeconds != INFINITE;
    }

    private static void check(int shards, int batchSize, int batchWindowSeconds, int parallelizationFactor,
            int maxRetryAttempts, int maxRecordAgeSeconds, AwsBehaviour aws) {
        Checks.range("stream.shards", shards, 1, aws.maxStreamShards());
        Checks.range("stream.batchSize", batchSize, 1, aws.maxStreamBatchSize());
        Checks.range("stream.batchWindowSeconds", batchWindowSeconds, 0, aws.maxStreamBatchWindowSeconds());
        Checks.range("stream.parallelizationFactor", parallelizationFactor, 1, aws.maxParallelizationFactor());
        if (maxRetryAttempts != INFINITE) {
            Checks.range("stream.maxRetryAttempts", maxRetryAttempts, 0, aws.maxStreamRetryAttempts(), "-1 (infinite) or ");
        }
        if (maxRecordAgeSeconds != INFINITE) {
            Checks.range("stream.maxRecordAgeSeconds", maxRecordAgeSeconds, aws.minStreamRecordAgeSeconds(),
                    aws.maxStreamRecordAgeSeconds(), "-1 (infinite) or ");
        }
    }
}
