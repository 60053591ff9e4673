package io.streamlimit.local.lambda;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.aws.rules.MappingScaler;
import java.time.Duration;

/**
 * An SQS event source mapping's settings.
 *
 * @param maximumConcurrency ScalingConfig.MaximumConcurrency, or null for none
 * @param visibilityTimeout the queue's visibility timeout: how long a throttled batch may be retried
 * @param longPollWait how long one receive waits for messages (AWS: 20 s; shorter stops faster locally)
 * @param localPollerCap the most pollers this JVM runs, whatever AWS would scale to
 * @param minimumPollers provisioned mode's MinimumPollers, or null (with maximumPollers) for
 *     standard mode
 * @param maximumPollers provisioned mode's MaximumPollers, or null for standard mode
 */
public record SqsMappingConfig(
        String queueUrl,
        String queueArn,
        int batchSize,
        Duration batchWindow,
        Integer maximumConcurrency,
        Duration visibilityTimeout,
        Duration longPollWait,
        int localPollerCap,
        AwsBehaviour behaviour,
        Integer minimumPollers,
        Integer maximumPollers) {

    public SqsMappingConfig {
        if (batchWindow.isNegative() || batchWindow.toSeconds() > behaviour.maxBatchWindowSeconds()) {
            throw new IllegalArgumentException("batchWindow: must be 0 to " + behaviour.maxBatchWindowSeconds() + " s, got " + batchWindow);
        }
        int maxBatch = batchWindow.isZero() ? behaviour.maxBatchSizeWithoutWindow() : behaviour.maxBatchSizeWithWindow();
        if (batchSize < 1 || batchSize > maxBatch) {
            throw new IllegalArgumentException("batchSize: must be 1 to " + maxBatch + ", got " + batchSize);
        }
        if (maximumConcurrency != null
                && (maximumConcurrency < behaviour.minMaximumConcurrency() || maximumConcurrency > behaviour.maxMaximumConcurrency())) {
            throw new IllegalArgumentException("maximumConcurrency: must be " + behaviour.minMaximumConcurrency() + " to "
                    + behaviour.maxMaximumConcurrency() + ", got " + maximumConcurrency);
        }
        // Refuses pollers out of range, half-given, or with maximumConcurrency, naming the argument.
        MappingScaler.Settings.of(behaviour, maximumConcurrency, minimumPollers, maximumPollers);
    }

    /** A mapping in standard mode. */
    public SqsMappingConfig(String queueUrl, String queueArn, int batchSize, Duration batchWindow,
            Integer maximumConcurrency, Duration visibilityTimeout, Duration longPollWait, int localPollerCap,
            AwsBehaviour behaviour) {
        this(queueUrl, queueArn, batchSize, batchWindow, maximumConcurrency, visibilityTimeout, longPollWait,
                localPollerCap, behaviour, null, null);
    }

    /** The mapping's scaling as {@link MappingScaler} has it: standard mode, or provisioned with the pollers. */
    public MappingScaler.Settings scaling() {
        return MappingScaler.Settings.of(behaviour, maximumConcurrency, minimumPollers, maximumPollers);
    }

    /** The most batches in flight: the mapping's ceiling as {@link MappingScaler} has it, never above the local cap. */
    public int pollerCeiling() {
        return Math.min(scaling().ceiling(), localPollerCap);
    }
}
