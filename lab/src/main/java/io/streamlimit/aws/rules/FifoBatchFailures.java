package io.streamlimit.aws.rules;

/**
 * A consumer's partial batch response on a FIFO queue, as AWS and Powertools document it: the
 * handler stops at the first record that fails and reports it and every later record of the
 * batch in {@code batchItemFailures}, so no later message of its group is deleted before it
 * (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html,
 * https://docs.powertools.aws.dev/lambda/java/latest/utilities/batch/). Records after the first
 * failure are not processed at all.
 */
public final class FifoBatchFailures {

    private FifoBatchFailures() {
    }

    /** True when the record after {@code earlierFailures} failures of its batch is processed. */
    public static boolean processes(int earlierFailures) {
        RuleChecks.nonNegative("earlierFailures", earlierFailures);
        return earlierFailures == 0;
    }

    /**
     * The records reported failed, given which the handler processed successfully in batch order:
     * the first failure and everything after it.
     *
     * @return {@code reported}, true for each record in batchItemFailures
     */
    public static boolean[] reported(boolean[] succeeded) {
        boolean[] reported = new boolean[succeeded.length];
        boolean failed = false;
        for (int i = 0; i < succeeded.length; i++) {
            failed |= !succeeded[i];
            reported[i] = failed;
        }
        return reported;
    }
}
