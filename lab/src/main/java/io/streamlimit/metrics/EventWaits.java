package io.streamlimit.metrics;

import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.RunData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Each applied event's wait: from its publish (the earliest {@code sent_at} of its rows) to its
 * first application (the earliest {@code completed_at}; a duplicate applied later does not lengthen
 * it). Latency and backlog both come from here, from the rows every mode writes, so all modes agree.
 */
public final class EventWaits {

    /** Publish instants, epoch milliseconds, one per applied event (in event id order). */
    private final long[] sent;
    /** First-application instants, at the same index. */
    private final long[] applied;

    private EventWaits(long[] sent, long[] applied) {
        this.sent = sent;
        this.applied = applied;
    }

    public static EventWaits of(RunData data) {
        return of(data.invocations());
    }

    static EventWaits of(List<InvocationRow> rows) {
        List<InvocationRow> byId = new ArrayList<>(rows);
        byId.sort(Comparator.comparingLong(InvocationRow::id));
        long[] sent = new long[byId.size()];
        long[] applied = new long[byId.size()];
        int n = -1;
        long id = 0;
        for (InvocationRow row : byId) {
            long s = RowTimes.sent(row);
            if (s == RowTimes.NONE) {
                continue;
            }
            long a = Math.max(s, RowTimes.completed(row)); // a clock skew never makes a negative wait
            if (n < 0 || row.id() != id) {
                n++;
                id = row.id();
                sent[n] = s;
                applied[n] = a;
            } else {
                sent[n] = Math.min(sent[n], s);
                applied[n] = Math.max(sent[n], Math.min(applied[n], a));
            }
        }
        return new EventWaits(Arrays.copyOf(sent, n + 1), Arrays.copyOf(applied, n + 1));
    }

    /** Publish to applied, over every applied event. */
    public Latency latency() {
        return latencyOfSent(at -> true);
    }

    /** Publish to applied, over the applied events published at an instant (epoch ms) that passes {@code sentAt}. */
    public Latency latencyOfSent(LongPredicate sentAt) {
        long[] waits = new long[sent.length];
        int n = 0;
        for (int i = 0; i < sent.length; i++) {
            if (sentAt.test(sent[i])) {
                waits[n++] = applied[i] - sent[i];
            }
        }
        return Latency.of(Arrays.copyOf(waits, n));
    }

    /** The waits as half-open intervals [sent, applied): the backlog is their overlap. */
    InvocationIntervals intervals() {
        return InvocationIntervals.spans(sent.clone(), applied.clone());
    }

    /** The first-application instants, sorted. */
    long[] appliedSorted() {
        long[] sorted = applied.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}
