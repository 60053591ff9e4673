package io.streamlimit.local.chaos;

/** What the SNS -> Lambda phase makes happen to one published message, decided when it is published. */
enum AsyncFate {
    /** Applied on its first attempt. */
    NORMAL,
    /** The first attempt fails before the handler; a retry applies it. */
    ERROR_BEFORE_ONCE,
    /** The first attempt applies it and then fails; the retry applies it again, which must change nothing. */
    ERROR_AFTER_ONCE,
    /** Every attempt fails before the handler: after its two retries it goes to the DLQ. */
    ALWAYS_FAILS,
    /** Applied, then holds its environment a while, so that other events are throttled. */
    SLOW,
    /** Holds its environment past the maximum event age: events throttled meanwhile expire. */
    STALL,
    /** A malformed message: the consumer refuses it on every attempt, so it goes to the DLQ. */
    POISON;

    /** Whether the event must end in the DLQ, not in the ledger. */
    boolean deadLettered() {
        return this == ALWAYS_FAILS || this == POISON;
    }
}
