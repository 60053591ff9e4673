package io.streamlimit.local.chaos;

/** A fault the handler phase injects into one invocation of the consumer function. */
enum InjectedFault {
    NONE(null),
    /** The function fails before the handler sees the batch. */
    ERROR_BEFORE_HANDLER(FaultKind.CONSUMER_EXCEPTION),
    /** The downstream throws after the ledger applied the batch. */
    DOWNSTREAM_ERROR(FaultKind.CONSUMER_EXCEPTION),
    /** The function fails after the handler returned. */
    ERROR_AFTER_HANDLER(FaultKind.CONSUMER_EXCEPTION),
    /** The downstream outlives the function timeout and is stopped. */
    PAST_TIMEOUT(FaultKind.CONSUMER_TIMEOUT);

    private final FaultKind kind;

    InjectedFault(FaultKind kind) {
        this.kind = kind;
    }

    /** How the report counts it. */
    FaultKind kind() {
        return kind;
    }
}
