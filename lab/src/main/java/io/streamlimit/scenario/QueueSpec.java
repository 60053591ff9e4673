package io.streamlimit.scenario;

/** The SQS queue and its event source mapping (only for {@code sns-sqs-lambda}). */
public record QueueSpec(
        int visibilityTimeoutSeconds,
        int maxReceiveCount,
        int batchSize,
        int batchWindowSeconds) {
}
