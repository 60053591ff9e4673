package io.streamlimit.scenario;

import io.streamlimit.aws.AwsBehaviour;

/**
 * The SQS queue and its event source mapping ({@code sns-sqs-lambda}, and a FIFO queue for
 * {@code sns-fifo-sqs-fifo-lambda}). A queue built in code checks AWS's limits as documented today
 * ({@link AwsBehaviour#current()}); {@link #validate(AwsBehaviour)} checks those of the behaviour
 * the scenario runs under.
 *
 * @param batchSize 1 to 10; up to 10,000 with a batching window, as AWS allows for standard queues
 *     (a FIFO queue: 1 to 10, and no batching window)
 * @param fifo the FIFO choices of a FIFO queue, or null for a standard queue
 * @param pollers the mapping's provisioned mode, or null for standard (on-demand) mode
 */
public record QueueSpec(
        int visibilityTimeoutSeconds,
        int maxReceiveCount,
        int batchSize,
        int batchWindowSeconds,
        FifoSpec fifo,
        ProvisionedPollers pollers) {

    /** Defaults for keys a scenario file may omit (SQS's own default visibility timeout is 30 s). */
    public static final int DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;
    public static final int DEFAULT_MAX_RECEIVE_COUNT = 5;
    public static final int DEFAULT_BATCH_SIZE = 1;
    public static final int DEFAULT_BATCH_WINDOW_SECONDS = 0;

    public QueueSpec {
        check(visibilityTimeoutSeconds, maxReceiveCount, batchSize, batchWindowSeconds, fifo, AwsBehaviour.current());
    }

    /** A standard queue whose mapping runs in standard (on-demand) mode. */
    public QueueSpec(int visibilityTimeoutSeconds, int maxReceiveCount, int batchSize, int batchWindowSeconds) {
        this(visibilityTimeoutSeconds, maxReceiveCount, batchSize, batchWindowSeconds, null, null);
    }

    /** The queue a scenario gets when it names {@code sns-sqs-lambda} without a {@code queue} block. */
    public static QueueSpec defaults() {
        return new QueueSpec(DEFAULT_VISIBILITY_TIMEOUT_SECONDS, DEFAULT_MAX_RECEIVE_COUNT,
                DEFAULT_BATCH_SIZE, DEFAULT_BATCH_WINDOW_SECONDS);
    }

    /** This queue as a FIFO queue with {@code fifoSpec} (null: a standard queue). */
    public QueueSpec withFifo(FifoSpec fifoSpec) {
        return new QueueSpec(visibilityTimeoutSeconds, maxReceiveCount, batchSize, batchWindowSeconds, fifoSpec, pollers);
    }

    /** This queue with its mapping in provisioned mode with {@code newPollers}, or standard mode for null. */
    public QueueSpec withPollers(ProvisionedPollers newPollers) {
        return new QueueSpec(visibilityTimeoutSeconds, maxReceiveCount, batchSize, batchWindowSeconds, fifo, newPollers);
    }

    /** This queue with {@code receives} as its maxReceiveCount. */
    public QueueSpec withMaxReceiveCount(int receives) {
        return new QueueSpec(visibilityTimeoutSeconds, receives, batchSize, batchWindowSeconds, fifo, pollers);
    }

    /** True for a FIFO queue. */
    public boolean isFifo() {
        return fifo != null;
    }

    /**
     * Checks this queue against the limits of {@code aws}.
     *
     * @return this queue
     * @throws ScenarioException naming the first key AWS would refuse
     */
    public QueueSpec validate(AwsBehaviour aws) {
        check(visibilityTimeoutSeconds, maxReceiveCount, batchSize, batchWindowSeconds, fifo, aws);
        if (pollers != null) {
            pollers.validate(aws);
        }
        return this;
    }

    private static void check(int visibilityTimeoutSeconds, int maxReceiveCount, int batchSize, int batchWindowSeconds,
            FifoSpec fifo, AwsBehaviour aws) {
        Checks.range("queue.visibilityTimeoutSeconds", visibilityTimeoutSeconds, 0,
                (int) aws.maxVisibilityTimeout().toSeconds());
        Checks.range("queue.maxReceiveCount", maxReceiveCount, aws.minMaxReceiveCount(), aws.maxMaxReceiveCount());
        if (fifo != null) {
            // CreateEventSourceMapping on a FIFO queue: no batching window, batches of at most 10.
            if (batchWindowSeconds != 0) {
                throw new ScenarioException("queue.batchWindowSeconds",
                        "must be 0 for a FIFO queue (AWS supports no batching window on FIFO queues), got "
                                + batchWindowSeconds);
            }
            Checks.range("queue.batchSize", batchSize, 1, aws.maxFifoBatchSize());
            return;
        }
        Checks.range("queue.batchWindowSeconds", batchWindowSeconds, 0, aws.maxBatchWindowSeconds());
        Checks.range("queue.batchSize", batchSize, 1, aws.maxBatchSize(batchWindowSeconds));
    }
}
