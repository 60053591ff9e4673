package io.streamlimit.scenario;

import io.streamlimit.aws.AwsBehaviour;

/**
 * The SQS queue and its event source mapping (only for {@code sns-sqs-lambda}).
 *
 * @param batchSize 1 to 10; up to 10,000 with a batching window, as AWS allows for standard queues
 */
public record QueueSpec(
        int visibilityTimeoutSeconds,
        int maxReceiveCount,
        int batchSize,
        int batchWindowSeconds) {

    /** Defaults for keys a scenario file may omit (SQS's own default visibility timeout is 30 s). */
    public static final int DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;
    public static final int DEFAULT_MAX_RECEIVE_COUNT = 5;
    public static final int DEFAULT_BATCH_SIZE = 1;
    public static final int DEFAULT_BATCH_WINDOW_SECONDS = 0;

    /** Largest batch with a batching window (standard queues). */
    public static final int MAX_BATCH_SIZE_WITH_WINDOW = 10_000;

    public QueueSpec {
        AwsBehaviour aws = AwsBehaviour.CURRENT;
        Checks.range("queue.visibilityTimeoutSeconds", visibilityTimeoutSeconds, 0,
                (int) aws.maxVisibilityTimeout().toSeconds());
        Checks.range("queue.maxReceiveCount", maxReceiveCount, aws.minMaxReceiveCount(),
                aws.maxMaxReceiveCount());
        Checks.range("queue.batchWindowSeconds", batchWindowSeconds, 0, aws.maxBatchWindowSeconds());
        if (batchWindowSeconds == 0) {
            Checks.range("queue.batchSize", batchSize, 1, aws.maxBatchSizeWithoutWindow());
        } else {
            Checks.range("queue.batchSize", batchSize, 1, MAX_BATCH_SIZE_WITH_WINDOW);
        }
    }

    /** The queue a scenario gets when it names {@code sns-sqs-lambda} without a {@code queue} block. */
    public static QueueSpec defaults() {
        return new QueueSpec(DEFAULT_VISIBILITY_TIMEOUT_SECONDS, DEFAULT_MAX_RECEIVE_COUNT,
                DEFAULT_BATCH_SIZE, DEFAULT_BATCH_WINDOW_SECONDS);
    }
}
