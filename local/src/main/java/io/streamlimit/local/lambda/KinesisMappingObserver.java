package io.streamlimit.local.lambda;

import java.time.Instant;
import java.util.List;

/** Hears what a Kinesis event source mapping does with a shard's records. */
public interface KinesisMappingObserver {

    KinesisMappingObserver NONE = new KinesisMappingObserver() {
    };

    /** A failed batch is retried (or bisected), holding back the records behind it on its lane. */
    default void blockingRetry(String shardId, int batchSize, Instant at) {
    }

    /**
     * A batch was given up: its metadata went to the on-failure destination ({@code reason}: AWS's
     * condition); {@code data} are its records' data, for the run's tally (the destination gets no data).
     */
    default void discarded(String shardId, List<String> data, String reason, Instant at) {
    }

    /** Billable Kinesis requests made by the mapping (GetShardIterator, GetRecords). */
    default void kinesisRequests(int count) {
    }
}
