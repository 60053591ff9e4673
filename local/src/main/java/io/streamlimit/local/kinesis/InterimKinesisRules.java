package io.streamlimit.local.kinesis;

import io.streamlimit.local.lambda.KinesisShardRules;

/**
 * INTERIM: the Kinesis mapping's decisions until the shared rules of issue 24 land in
 * {@code io.streamlimit.aws.rules} (branch i24model), when the emulator is wired to those and this
 * class goes. It reads the settings the {@code stream:} keys will carry and decides as Lambda
 * documents (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html): each shard polled
 * about once a second, a failed batch retried at the next poll and blocking its shard, split in
 * two with BisectBatchOnFunctionError (not for throttles), discarded once its oldest record is
 * older than MaximumRecordAgeInSeconds or its retries exceed MaximumRetryAttempts (-1: neither).
 *
 * @param pollMillis between GetRecords calls on a shard (an assumption: "about once a second")
 * @param maxRetryAttempts -1: infinite
 * @param maxRecordAgeSeconds -1: infinite
 */
public record InterimKinesisRules(long pollMillis, boolean bisectOnError, int maxRetryAttempts, int maxRecordAgeSeconds)
        implements KinesisShardRules {

    /** AWS's defaults: no bisection, infinite retries and record age. */
    public static InterimKinesisRules defaults() {
        return new InterimKinesisRules(1_000, false, -1, -1);
    }

    @Override
    public long nextPollAt(long polledAt, int records) {
        return polledAt + pollMillis;
    }

    @Override
    public AfterFailure afterFailure(long now, int attempts, long oldestArrivalMillis, int batchSize, boolean throttled) {
        if (maxRecordAgeSeconds >= 0 && now - oldestArrivalMillis > maxRecordAgeSeconds * 1_000L) {
            return new Discard(Condition.RecordAgeExceeded);
        }
        // "Splitting a batch does not count towards the retry quota": bisection comes first.
        if (bisectOnError && !throttled && batchSize > 1) {
            return new Bisect();
        }
        if (maxRetryAttempts >= 0 && attempts - 1 >= maxRetryAttempts) {
            return new Discard(Condition.RetryAttemptsExhausted);
        }
        return new RetryAt(now + pollMillis);
    }
}
