package io.streamlimit.local.chaos;

/** The faults a chaos run injects; each is counted every time it is injected. */
public enum FaultKind {
    /** The same event published twice, or a delivered message delivered again. */
    DUPLICATE_DELIVERY("duplicate deliveries"),
    /** A batch still running when its messages' visibility timeout ran out, so they were received again. */
    VISIBILITY_TIMEOUT_EXPIRED("visibility timeouts expired mid-batch"),
    /** The consumer threw (a function error, or the downstream failed). */
    CONSUMER_EXCEPTION("consumer exceptions"),
    /** The consumer ran past its function timeout and was stopped. */
    CONSUMER_TIMEOUT("consumer timeouts"),
    /** dynalite stopped and restarted (same port, same data) during the run. */
    DYNAMODB_RESTART("DynamoDB restarts"),
    /** A PutRecords sent again after its answer was lost: every record of it is in the stream twice. */
    DUPLICATE_PUT("PutRecords put twice (answer lost)"),
    /** A failed Kinesis batch retried or bisected, holding back its lane of the shard. */
    SHARD_BLOCKING_RETRY("failed batches blocking their shard lane"),
    /** A malformed message mixed into the batches. */
    POISON_MESSAGE("poison messages"),
    /** A stream's close delivered before its open. */
    CLOSE_BEFORE_OPEN("closes before opens"),
    /** A player that never closed its stream, left for its lease to expire. */
    NEVER_CLOSED("streams never closed (leases)"),
    /** An acquire sent as part of a many-threaded storm on a few uids. */
    ACQUIRE_STORM("acquires in storms"),
    /** An event the async queue handed to the function twice on its own. */
    ASYNC_QUEUE_DUPLICATE("duplicates made by the async queue"),
    /** An async attempt refused for want of concurrency, retried with backoff. */
    THROTTLE("throttles"),
    /** An async event retried after a function error (Lambda retries twice). */
    ASYNC_ERROR_RETRY("function errors retried"),
    /** An async event that failed on its two retries too, sent to the on-failure DLQ. */
    RETRIES_EXHAUSTED("events failed on every retry (DLQ)"),
    /** An async event older than the maximum event age when its attempt came due, sent to the DLQ. */
    EVENT_EXPIRED("events past the maximum event age (DLQ)");

    private final String label;

    FaultKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
