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
    CONCURRENCY
}
