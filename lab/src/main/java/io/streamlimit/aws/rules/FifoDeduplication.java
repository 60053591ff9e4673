package io.streamlimit.aws.rules;

import io.streamlimit.aws.AwsBehaviour;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * FIFO deduplication: a message whose deduplication id was accepted within the deduplication
 * interval (5 minutes) is accepted and dropped, even if the first copy was received and deleted
 * since; with {@code deduplicationScope: messageGroup} an id counts only within its message group
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-key-terms.html,
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/high-throughput-fifo.html).
 * The interval counts from the first accepted copy: a copy sent later does not extend it.
 */
public final class FifoDeduplication {

    private record Key(String group, String deduplicationId) {
    }

    private record Accepted(Key key, long at) {
    }

    private final long intervalMillis;
    private final boolean perGroup;
    private final Map<Key, Long> acceptedAt = new HashMap<>();
    private final ArrayDeque<Accepted> byTime = new ArrayDeque<>();

    /** @param perGroup deduplication scope {@code messageGroup}; false: {@code queue} */
    public FifoDeduplication(long intervalMillis, boolean perGroup) {
        this.intervalMillis = RuleChecks.positive("intervalMillis", intervalMillis);
        this.perGroup = perGroup;
    }

    public static FifoDeduplication of(AwsBehaviour aws, boolean perGroup) {
        return new FifoDeduplication(aws.fifoDeduplicationInterval().toMillis(), perGroup);
    }

    /**
     * A message with {@code deduplicationId} in {@code group} arrives at {@code now} (calls come in
     * time order); true when it is new and joins the queue, false when it is a duplicate.
     */
    public boolean accept(long now, String group, String deduplicationId) {
        RuleChecks.required("deduplicationId", deduplicationId);
        forget(now);
        Key key = new Key(perGroup ? RuleChecks.required("group", group) : "",
                deduplicationId);
        if (acceptedAt.containsKey(key)) {
            return false;
        }
        acceptedAt.put(key, now);
        byTime.addLast(new Accepted(key, now));
        return true;
    }

    /** Ids whose interval has run out are forgotten: the same id is new again. */
    private void forget(long now) {
        while (!byTime.isEmpty() && now - byTime.peekFirst().at() >= intervalMillis) {
            acceptedAt.remove(byTime.pollFirst().key());
        }
    }
}
