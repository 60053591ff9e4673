package io.streamlimit.results;

/** What the pipeline did besides calling the downstream; each is one row of {@code pipeline_events}. */
public enum PipelineEventKind {
    /** One handler invocation ran: {@code at} is its start, with its duration and batch size. */
    INVOKE,
    /** An invocation was refused for lack of concurrency. */
    THROTTLE,
    /** A message was received again after its first receive. */
    REDELIVERY,
    /** A message was moved to the dead-letter queue (or dropped by the async queue). */
    DLQ,
    /** An invocation was cut off by the function timeout. */
    TIMEOUT,
    /** A new execution environment started (a cold start). */
    COLD_START,
    /**
     * A sample of the consumer's concurrency as CloudWatch measured it ({@code ConcurrentExecutions},
     * the period's maximum, in {@code batch_size}): AWS runs, which have no INVOKE events of their own.
     */
    CONCURRENCY,
    /** A Kinesis batch retried (a function error, a throttle or a bisect), blocking its shard's partition keys meanwhile. */
    SHARD_RETRY,
    /** A put refused by a shard's write limits (ProvisionedThroughputExceededException); the producer retries. */
    PUT_THROTTLE,
    /**
     * The Kinesis stream's iterator age, sampled once a second: the age in milliseconds of its oldest
     * unprocessed record, in {@code count} (a gauge, not a sum: one sample a second).
     */
    ITERATOR_AGE
}
