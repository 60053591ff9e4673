package io.streamlimit.local.lambda;

import java.time.Instant;

/** Hears what an SQS event source mapping does with messages. */
public interface MappingObserver {

    MappingObserver NONE = new MappingObserver() {
    };

    /** A message came back: it had been received before ({@code receiveCount} > 1). */
    default void redelivered(String body, int receiveCount, Instant at) {
    }

    /** A throttled batch ran out of visibility timeout and was left to reappear. */
    default void abandonedAfterThrottles(int batchSize, Instant at) {
    }

    /** Billable SQS requests made by the pollers (receives, including empty ones, and deletes). */
    default void sqsRequests(int count) {
    }
}
