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
    /** DynamoDB Local stopped and restarted (same port, same data) during the run. */
    DYNAMODB_RESTART("DynamoDB restarts"),
    /** A malformed message mixed into the batches. */
    POISON_MESSAGE("poison messages"),
    /** A stream's close delivered before its open. */
    CLOSE_BEFORE_OPEN("closes before opens"),
    /** A player that never closed its stream, left for its lease to expire. */
    NEVER_CLOSED("streams never closed (leases)"),
    /** An acquire sent as part of a many-threaded storm on a few uids. */
    ACQUIRE_STORM("acquires in storms");

    private final String label;

    FaultKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
