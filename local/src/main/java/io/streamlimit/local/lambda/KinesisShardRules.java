package io.streamlimit.local.lambda;

/**
 * The decisions a Kinesis event source mapping makes, which the emulator only carries out: when a
 * shard is polled again, and what a failed batch does next. They are AWS behaviour, so an
 * implementation comes from the shared rules ({@code io.streamlimit.aws.rules}) that the
 * simulator drives too; the batching window is {@link io.streamlimit.aws.rules.BatchingWindow}'s.
 */
public interface KinesisShardRules {

    /** When to call GetRecords on a shard again, after a call at {@code polledAt} that returned {@code records}. */
    long nextPollAt(long polledAt, int records);

    /**
     * What a batch that failed does next.
     *
     * @param now when the attempt failed
     * @param attempts the attempts made on these records so far, the failed one included
     * @param oldestArrivalMillis when the batch's oldest record reached the stream
     * @param batchSize the records in the batch
     * @param throttled the function was throttled (the handler did not run)
     */
    AfterFailure afterFailure(long now, int attempts, long oldestArrivalMillis, int batchSize, boolean throttled);

    /** The outcome of {@link #afterFailure}. */
    sealed interface AfterFailure {
    }

    /** Retry the same records at {@code at}; the shard (or its lane) waits until then. */
    record RetryAt(long at) implements AfterFailure {
    }

    /** Split the batch in two and retry each half on its own, the first half first (BisectBatchOnFunctionError). */
    record Bisect() implements AfterFailure {
    }

    /** Give up: the batch's metadata goes to the on-failure destination, and the shard moves past it. */
    record Discard(Condition condition) implements AfterFailure {
    }

    /** Why a batch was discarded, as Lambda names it in the on-failure record. */
    enum Condition {
        RetryAttemptsExhausted, RecordAgeExceeded
    }
}
