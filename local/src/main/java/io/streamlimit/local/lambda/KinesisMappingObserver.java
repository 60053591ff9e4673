package io.streamlimit.local.lambda;

import java.time.Instant;

/** Hears what a Kinesis event source mapping does with a shard's records. */
public interface KinesisMappingObserver {

    KinesisMappingObserver NONE = new KinesisMappingObserver() {
    };

    /**
     * A lane of a shard starts on a batch whose oldest record reached the stream at {@code arrivedAt}:
     * the shard's oldest unprocessed record, from which its iterator age is measured at {@code at}.
     */
    default void oldestUnprocessed(String shardId, Instant arrivedAt, Instant at) {
    }

    /** A failed batch is retried, holding back the records behind it on its shard. */
    default void blockingRetry(String shardId, int batchSize, Instant at) {
    }

    /** A batch was discarded: its metadata went to the on-failure destination. */
    default void discarded(String shardId, int records, KinesisShardRules.Condition condition, Instant at) {
    }

    /** Billable Kinesis requests made by the mapping (GetShardIterator, GetRecords). */
    default void kinesisRequests(int count) {
    }
}
