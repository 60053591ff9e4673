package io.streamlimit.aws.rules;

/**
 * How many batches an event source mapping on a FIFO queue runs at once: "the number of message
 * group IDs or the maximum concurrency setting, whichever is lower" (maximum concurrency is what the
 * mapping's scaler already honours), and "functions can scale in concurrency to the number of
 * active message groups"
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html,
 * https://repost.aws/knowledge-center/lambda-sqs-scaling). Reserved concurrency below that still
 * throttles the invokes, as for a standard queue ({@link FunctionScaling}). One batch keeps
 * polling when no group is active, so the mapping sees new messages.
 */
public final class FifoConcurrency {

    private FifoConcurrency() {
    }

    /**
     * @param mappingTarget the batches the mapping's scaler wants ({@link MappingScaler#target()}),
     *     already capped by maximum concurrency
     * @param activeGroups message groups with a message waiting or in flight
     */
    public static int batches(int mappingTarget, int activeGroups) {
        RuleChecks.positive("mappingTarget", mappingTarget);
        RuleChecks.nonNegative("activeGroups", activeGroups);
        return Math.max(1, Math.min(mappingTarget, activeGroups));
    }
}
