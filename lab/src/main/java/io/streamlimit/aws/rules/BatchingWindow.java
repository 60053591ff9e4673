package io.streamlimit.aws.rules;

/**
 * The SQS event source mapping's batching window (MaximumBatchingWindowInSeconds): a poller
 * holding messages keeps gathering until the batch is full or the window, counted from the first
 * message's receive, has passed; with no window it invokes with what one receive returned.
 * Documented (https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html: "Lambda
 * invokes the function when one of the following is true: the batching window reaches its maximum
 * value, the batch size is met, or the payload reaches 6 MB").
 */
public final class BatchingWindow {

    /** What a poller holding a batch does next. */
    public sealed interface Next {
    }

    /** Invoke the function with the batch now. */
    public record InvokeNow() implements Next {
    }

    /** Keep receiving until {@code at} (or until the batch is full). */
    public record GatherUntil(long at) implements Next {
    }

    private final int batchSize;
    private final long windowMillis;

    public BatchingWindow(int batchSize, long windowMillis) {
        RuleChecks.positive("batchSize", batchSize);
        this.batchSize = batchSize;
        this.windowMillis = RuleChecks.nonNegative("windowMillis", windowMillis);
    }

    public int batchSize() {
        return batchSize;
    }

    /** With {@code held} messages, the first received at {@code firstReceivedAt}: invoke now or gather on. */
    public Next next(long now, int held, long firstReceivedAt) {
        if (held < 1 || held > batchSize) {
            throw new IllegalArgumentException("held: must be 1 to " + batchSize + ", got " + held);
        }
        long closesAt = firstReceivedAt + windowMillis;
        if (held == batchSize || windowMillis == 0 || now >= closesAt) {
            return new InvokeNow();
        }
        return new GatherUntil(closesAt);
    }
}
