package io.streamlimit.scenario;

import java.util.Objects;

/**
 * The FIFO choices of an SQS FIFO queue (pipeline {@code sns-fifo-sqs-fifo-lambda}): messages carry
 * {@code MessageGroupId} = the event's uid and a deduplication id from the event's identity.
 * High throughput mode is both {@code messageGroup} and {@code perMessageGroupId}; any other
 * combination keeps normal throughput with deduplication as named, as SQS documents
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/high-throughput-fifo.html).
 *
 * @param deduplicationScope {@code queue} (SQS's default) or {@code messageGroup}
 * @param throughputLimit {@code perQueue} (SQS's default) or {@code perMessageGroupId}
 */
public record FifoSpec(DeduplicationScope deduplicationScope, FifoThroughputLimit throughputLimit) {

    public static final DeduplicationScope DEFAULT_DEDUPLICATION_SCOPE = DeduplicationScope.QUEUE;
    public static final FifoThroughputLimit DEFAULT_THROUGHPUT_LIMIT = FifoThroughputLimit.PER_QUEUE;

    public FifoSpec {
        Objects.requireNonNull(deduplicationScope, "deduplicationScope");
        Objects.requireNonNull(throughputLimit, "throughputLimit");
    }

    /** SQS's defaults for a new FIFO queue: deduplication and the throughput quota per queue. */
    public static FifoSpec defaults() {
        return new FifoSpec(DEFAULT_DEDUPLICATION_SCOPE, DEFAULT_THROUGHPUT_LIMIT);
    }

    /** High throughput mode: deduplication per message group and the quota per message group id. */
    public boolean highThroughput() {
        return deduplicationScope == DeduplicationScope.MESSAGE_GROUP
                && throughputLimit == FifoThroughputLimit.PER_MESSAGE_GROUP_ID;
    }
}
