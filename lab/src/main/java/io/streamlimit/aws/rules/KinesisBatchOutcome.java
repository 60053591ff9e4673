package io.streamlimit.aws.rules;

/**
 * How one invocation of a Kinesis event source mapping's batch ended, and what Lambda does next
 * (https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html):
 * <ul>
 *   <li>the handler returned: the batch is done and the shard moves on;</li>
 *   <li>the invoke was throttled (or failed before the handler ran): retried until its records
 *       expire (MaximumRecordAgeInSeconds); such retries do not count against
 *       MaximumRetryAttempts;</li>
 *   <li>the handler threw or timed out (a function error; the mapping has no
 *       ReportBatchItemFailures, so one failed record fails the batch): retried until the records
 *       expire or MaximumRetryAttempts retries have failed; with BisectBatchOnFunctionError the
 *       batch is first split in two and the halves retried, and "splitting a batch does not count
 *       towards the retry quota", so a batch splits down to single records before a retry counts.</li>
 * </ul>
 * Either way the batch keeps its partition keys (its shard, with parallelizationFactor 1) blocked
 * until it is resolved; a discarded batch's metadata goes to the on-failure destination.
 */
public sealed interface KinesisBatchOutcome {

    /** The handler returned without an error. */
    record Succeeded() implements KinesisBatchOutcome {
    }

    /** Lambda could not invoke the function: a throttle. */
    record Throttled() implements KinesisBatchOutcome {
    }

    /** The handler threw, or ran past its timeout. */
    record FunctionError() implements KinesisBatchOutcome {
    }

    /** What the mapping does with the batch. */
    sealed interface Resolution {
    }

    /** The batch is done: its records leave the shard's queue. */
    record Done() implements Resolution {
    }

    /** Retry the same records, having used {@code retries} retries that count. */
    record Retry(int retries) implements Resolution {
    }

    /** Split the batch at {@code firstHalfSize} and retry the halves, first half first; the retry count stays. */
    record Bisect(int firstHalfSize) implements Resolution {
    }

    /** Give the records up to the on-failure destination: MaximumRetryAttempts retries have failed. */
    record RetriesExhausted() implements Resolution {
    }

    /**
     * What follows this outcome for a batch of {@code size} records that has used {@code retries}
     * counted retries, under the mapping's {@code bisectOnError} and {@code maxRetryAttempts}
     * (-1: infinite). Record age is checked where a batch is (re)invoked ({@link KinesisShardPoller}).
     */
    default Resolution resolve(int size, int retries, boolean bisectOnError, int maxRetryAttempts) {
        RuleChecks.positive("size", size);
        RuleChecks.nonNegative("retries", retries);
        if (maxRetryAttempts < -1) {
            throw new IllegalArgumentException("maxRetryAttempts: must be -1 (infinite) or more, got " + maxRetryAttempts);
        }
        if (this instanceof Succeeded) {
            return new Done();
        }
        if (this instanceof Throttled) {
            return new Retry(retries);
        }
        if (bisectOnError && size > 1) {
            return new Bisect((size + 1) / 2);
        }
        if (maxRetryAttempts >= 0 && retries >= maxRetryAttempts) {
            return new RetriesExhausted();
        }
        return new Retry(retries + 1);
    }
}
