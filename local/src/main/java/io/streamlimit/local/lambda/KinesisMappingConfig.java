package io.streamlimit.local.lambda;

import java.time.Duration;
import java.util.Objects;

/**
 * A Kinesis event source mapping's settings that the emulator honours.
 *
 * @param streamName the stream polled from its oldest record (TRIM_HORIZON)
 * @param streamArn as the records' {@code eventSourceARN} say
 * @param batchSize records per invocation at most
 * @param batchWindow how long a lane gathers before it invokes with less than a full batch
 * @param parallelizationFactor batches of one shard in flight at once, each partition key on one of them
 * @param onFailureQueueUrl where a discarded batch's metadata goes; null: nowhere (it is dropped)
 */
public record KinesisMappingConfig(String streamName, String streamArn, int batchSize, Duration batchWindow,
                                   int parallelizationFactor, String onFailureQueueUrl) {

    public KinesisMappingConfig {
        Objects.requireNonNull(streamName, "streamName");
        Objects.requireNonNull(streamArn, "streamArn");
        Objects.requireNonNull(batchWindow, "batchWindow");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize: must be at least 1, got " + batchSize);
        }
        if (parallelizationFactor < 1) {
            throw new IllegalArgumentException("parallelizationFactor: must be at least 1, got " + parallelizationFactor);
        }
    }

    /** The ARN a local stream gets: account 000000000000 (kinesis-local's), us-east-1. */
    public static String localStreamArn(String streamName) {
        return "arn:aws:kinesis:us-east-1:000000000000:stream/" + streamName;
    }
}
