package io.streamlimit.aws.rules;

import io.streamlimit.aws.AwsBehaviour;
import java.util.HashMap;
import java.util.Map;

/**
 * The FIFO pipeline's publish quota, per calendar second: a publish beyond it is throttled and
 * the producer tries again at the next second. The quota is the lower of the SNS FIFO topic's and
 * what the SQS FIFO queue takes in batches of 10 (SNS's delivery batching is not documented):
 * <ul>
 *   <li>normal throughput: {@code snsFifoMessagesPerSecond} (3,000) and
 *       {@code fifoApiCallsPerSecond} x 10 (3,000) for the whole topic and queue;</li>
 *   <li>high throughput ({@code messageGroup} + {@code perMessageGroupId}, and the topic's
 *       message-group scope): {@code snsFifoHighThroughputMessagesPerSecond} and
 *       {@code fifoHighThroughputApiCallsPerSecond} x 10 in all, and in each message group
 *       {@code snsFifoMessagesPerSecondPerGroup} and {@code fifoApiCallsPerSecondPerGroup} x 10.</li>
 * </ul>
 * Sources in {@link AwsBehaviour}'s values (CurrentAws).
 */
public final class FifoThroughput {

    private final int perSecond;
    private final int perGroupPerSecond;
    private final Window all = new Window();
    private final Map<Integer, Window> groups = new HashMap<>();
    private long throttled;

    /** One calendar second's count. */
    private static final class Window {
        long second = Long.MIN_VALUE;
        int count;

        int countIn(long s) {
            if (s != second) {
                second = s;
                count = 0;
            }
            return count;
        }
    }

    /** @param perGroupPerSecond 0: no quota per message group */
    public FifoThroughput(int perSecond, int perGroupPerSecond) {
        this.perSecond = (int) RuleChecks.positive("perSecond", perSecond);
        this.perGroupPerSecond = (int) RuleChecks.nonNegative("perGroupPerSecond", perGroupPerSecond);
    }

    /** @param highThroughput the queue's high throughput mode (and the topic's message-group scope) */
    public static FifoThroughput of(AwsBehaviour aws, boolean highThroughput) {
        int batch = aws.maxMessagesPerReceive();
        if (highThroughput) {
            return new FifoThroughput(
                    Math.min(aws.snsFifoHighThroughputMessagesPerSecond(), aws.fifoHighThroughputApiCallsPerSecond() * batch),
                    Math.min(aws.snsFifoMessagesPerSecondPerGroup(), aws.fifoApiCallsPerSecondPerGroup() * batch));
        }
        return new FifoThroughput(Math.min(aws.snsFifoMessagesPerSecond(), aws.fifoApiCallsPerSecond() * batch), 0);
    }

    /** One publish to {@code group} at {@code now}: true when admitted, false when throttled. */
    public boolean admit(long now, int group) {
        long second = Math.floorDiv(now, 1_000);
        Window g = perGroupPerSecond > 0 ? groups.computeIfAbsent(group, k -> new Window()) : null;
        if (all.countIn(second) >= perSecond || (g != null && g.countIn(second) >= perGroupPerSecond)) {
            throttled++;
            return false;
        }
        all.count++;
        if (g != null) {
            g.count++;
        }
        return true;
    }

    /** When a throttled publish may try again: the next second. */
    public long retryAt(long now) {
        return (Math.floorDiv(now, 1_000) + 1) * 1_000;
    }

    public int perSecond() {
        return perSecond;
    }

    public int perGroupPerSecond() {
        return perGroupPerSecond;
    }

    public long throttled() {
        return throttled;
    }
}
