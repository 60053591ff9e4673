package io.streamlimit.aws.rules;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Which messages an SQS FIFO queue may return, message group by message group
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-key-terms.html,
 * https://repost.aws/knowledge-center/sqs-fifo-messages-not-returned,
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html):
 * <ul>
 *   <li>a group is blocked while any of its messages is in flight: nothing more of it is returned
 *       until each is deleted or its visibility timeout runs out;</li>
 *   <li>a receive returns as many messages of one group as it can, in the group's order, then
 *       fills up from the next unblocked groups, so a batch may hold several groups;</li>
 *   <li>a message that comes back (a failure, a timeout) is again the first of its group, so its
 *       retries come before any later message of the group, until it is deleted or moves to the
 *       dead-letter queue at the receive after its last.</li>
 * </ul>
 * Groups are served oldest-available first. Messages and groups are ints; the queue that drives
 * this keeps receipts and receive counts.
 */
public final class FifoGroups {

    /** One group: its messages not yet deleted, in order; the first {@code inFlight} are in flight. */
    private static final class Group {
        final ArrayDeque<Integer> messages = new ArrayDeque<>();
        int inFlight;
        boolean available;
    }

    private final Map<Integer, Group> groups = new HashMap<>();
    private final ArrayDeque<Integer> available = new ArrayDeque<>();
    private int activeGroups;
    private int visibleMessages;

    /** A message was sent to {@code group}: it joins the end of the group. */
    public void send(int group, int message) {
        Group g = groups.computeIfAbsent(group, k -> new Group());
        if (g.messages.isEmpty()) {
            activeGroups++;
        }
        g.messages.addLast(message);
        visibleMessages++;
        makeAvailable(group, g);
    }

    /**
     * Receives up to {@code max} messages into {@code out} from {@code offset}; returns how many.
     * A message {@code deadLetter} accepts (its receive count is spent) leaves its group for the
     * dead-letter queue instead, and the group's next message takes its place.
     */
    public int receive(int max, int[] out, int offset, IntPredicate deadLetter) {
        RuleChecks.nonNegative("max", max);
        int got = 0;
        while (got < max && !available.isEmpty()) {
            int group = available.pollFirst();
            Group g = groups.get(group);
            g.available = false;
            Iterator<Integer> it = g.messages.iterator();
            while (got < max && it.hasNext()) {
                int message = it.next();
                visibleMessages--;
                if (deadLetter.test(message)) {
                    it.remove();
                    continue;
                }
                g.inFlight++;
                out[offset + got++] = message;
            }
            if (g.inFlight == 0) {
                settle(group, g); // every visible message of the group went to the dead-letter queue
            }
        }
        return got;
    }

    /** A message in flight was deleted: it leaves its group, and the group unblocks when none is in flight. */
    public void deleted(int group, int message) {
        Group g = inFlightGroup(group);
        if (!g.messages.remove(message)) {
            throw new IllegalArgumentException("message " + message + ": not in group " + group);
        }
        g.inFlight--;
        settle(group, g);
    }

    /** A message in flight became visible again (its visibility timeout ran out): it stays first in its group. */
    public void returned(int group, int message) {
        Group g = inFlightGroup(group);
        g.inFlight--;
        visibleMessages++;
        settle(group, g);
    }

    /** Groups with a message waiting or in flight: Lambda's concurrency on a FIFO queue is at most this. */
    public int activeGroups() {
        return activeGroups;
    }

    /** Messages not in flight (blocked groups included). */
    public int visibleMessages() {
        return visibleMessages;
    }

    /** True when a receive now would return a message. */
    public boolean receivable() {
        return !available.isEmpty();
    }

    private Group inFlightGroup(int group) {
        Group g = groups.get(group);
        if (g == null || g.inFlight == 0) {
            throw new IllegalArgumentException("group " + group + ": has no message in flight");
        }
        return g;
    }

    private void settle(int group, Group g) {
        if (g.inFlight > 0) {
            return;
        }
        if (g.messages.isEmpty()) {
            activeGroups--;
            groups.remove(group);
        } else {
            makeAvailable(group, g);
        }
    }

    private void makeAvailable(int group, Group g) {
        if (g.inFlight == 0 && !g.available) {
            g.available = true;
            available.addLast(group);
        }
    }
}
