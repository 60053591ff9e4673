package io.streamlimit.aws.rules;

import java.util.Collection;

/**
 * How one invocation of an SQS event source mapping's batch ended, and what AWS does about it
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html):
 * <ul>
 *   <li>the handler returned: the mapping deletes every message except those it listed in
 *       {@code batchItemFailures} (ReportBatchItemFailures); those reappear after the visibility
 *       timeout, and "Lambda doesn't scale down message polling" for them;</li>
 *   <li>the handler returned a report naming an item that is not in the batch (an empty, null
 *       or unknown {@code itemIdentifier}): Lambda treats the batch as a complete failure
 *       (services-sqs-errorhandling.html, "Success and failure conditions");</li>
 *   <li>the handler threw, or ran past the function timeout: the whole batch fails and reappears
 *       after the visibility timeout, and for an error "your function code caused", "Lambda
 *       gradually backs off, reducing the amount of concurrency allocated to your Amazon SQS event
 *       source mapping". A timeout is such an error (the handler did not finish in time).</li>
 * </ul>
 * Throttles are not outcomes of a run: the handler never started ({@link InvokeRetry}).
 */
public sealed interface SqsBatchOutcome {

    /** The handler returned, reporting {@code failedItems} of the batch in batchItemFailures. */
    record Returned(int failedItems) implements SqsBatchOutcome {
        public Returned {
            RuleChecks.nonNegative("failedItems", failedItems);
        }
    }

    /** The handler's report named an item not in the batch: a complete failure, as a function error. */
    record InvalidReport(String itemIdentifier) implements SqsBatchOutcome {
    }

    /**
     * The outcome of a handler that returned, listing {@code reported} item identifiers as failed,
     * for a batch of messages with ids {@code batch}.
     */
    static SqsBatchOutcome returned(Collection<String> batch, Collection<String> reported) {
        for (String id : reported) {
            if (id == null || id.isEmpty() || !batch.contains(id)) {
                return new InvalidReport(id);
            }
        }
        return new Returned((int) reported.stream().distinct().count());
    }

    /** The handler threw: a function error fails the whole batch. */
    record FunctionError() implements SqsBatchOutcome {
    }

    /** The handler ran until the function timeout and was stopped: the whole batch fails. */
    record TimedOut() implements SqsBatchOutcome {
    }

    /** True when every message of the batch stays in the queue (none is deleted). */
    default boolean wholeBatchFails() {
        return !(this instanceof Returned);
    }

    /** Tells the mapping's scaler: a failed batch scales it down, failures reported item by item do not. */
    default void reportTo(MappingScaler scaler, long now) {
        if (this instanceof Returned returned) {
            if (returned.failedItems() > 0) {
                scaler.batchFailed(now, true);
            }
        } else {
            scaler.batchFailed(now, false);
        }
    }
}
