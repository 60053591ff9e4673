package io.streamlimit.aws.rules;

import java.util.random.RandomGenerator;

/**
 * The consumer's own failures, a scenario input ({@code consumer.errorRate},
 * {@code consumer.timeoutRate}): which invocations run until the function timeout, and which
 * records the handler fails. Both engines draw them here, from their seeded source, so the same
 * shares fail in each; what AWS does about a failure is the other rules' ({@link SqsBatchOutcome},
 * {@link AsyncRetrySchedule}). A zero rate draws nothing, so a scenario without faults consumes
 * the same random numbers as before faults existed.
 */
public final class FunctionFaults {

    /** No faults. */
    public static final FunctionFaults NONE = new FunctionFaults(0, 0);

    private final double errorRate;
    private final double timeoutRate;

    /**
     * @param errorRate the share of records the handler fails (reported in batchItemFailures from
     *     an SQS batch; a failed invocation for an async event, which is alone in its invocation)
     * @param timeoutRate the share of invocations that hang until the function timeout
     */
    public FunctionFaults(double errorRate, double timeoutRate) {
        this.errorRate = RuleChecks.fraction("errorRate", errorRate);
        this.timeoutRate = RuleChecks.fraction("timeoutRate", timeoutRate);
    }

    /** True when this invocation hangs until the function timeout. */
    public boolean timesOut(RandomGenerator random) {
        return timeoutRate > 0 && random.nextDouble() < timeoutRate;
    }

    /** True when the handler fails this record. */
    public boolean recordFails(RandomGenerator random) {
        return errorRate > 0 && random.nextDouble() < errorRate;
    }

    public double errorRate() {
        return errorRate;
    }

    public double timeoutRate() {
        return timeoutRate;
    }
}
