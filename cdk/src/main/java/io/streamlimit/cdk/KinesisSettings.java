package io.streamlimit.cdk;

/**
 * The Kinesis pipeline's shape as the stack deploys it: the stream's shards and the event source
 * mapping's settings, in the units of AWS's CreateEventSourceMapping API. The scenario's
 * {@code stream:} block supplies them; the constructs take them explicitly so they can be built and
 * tested on their own.
 *
 * @param shards provisioned shards of the stream
 * @param batchSize records per invocation
 * @param batchWindowSeconds MaximumBatchingWindowInSeconds; 0 is none
 * @param parallelizationFactor concurrent batches per shard
 * @param bisectOnError BisectBatchOnFunctionError
 * @param maxRetryAttempts MaximumRetryAttempts; -1 is AWS's "retry until the record expires"
 * @param maxRecordAgeSeconds MaximumRecordAgeInSeconds; -1 is AWS's "until the stream's retention drops it"
 */
record KinesisSettings(int shards, int batchSize, int batchWindowSeconds, int parallelizationFactor,
        boolean bisectOnError, int maxRetryAttempts, int maxRecordAgeSeconds) {

    /** AWS's value for "infinite" in MaximumRetryAttempts and MaximumRecordAgeInSeconds. */
    static final int INFINITE = -1;

    boolean infiniteRetries() {
        return maxRetryAttempts == INFINITE;
    }

    boolean infiniteRecordAge() {
        return maxRecordAgeSeconds == INFINITE;
    }
}
