package io.streamlimit.consumer;

import java.util.List;

/** Thrown by a handler without partial-batch reporting so that Lambda retries the invocation. */
public class BatchFailedException extends RuntimeException {

    private final List<String> failedMessageIds;

    public BatchFailedException(List<String> failedMessageIds, int total) {
        super(failedMessageIds.size() + " of " + total + " messages failed: " + failedMessageIds);
        this.failedMessageIds = List.copyOf(failedMessageIds);
    }

    public List<String> failedMessageIds() {
        return failedMessageIds;
    }
}
