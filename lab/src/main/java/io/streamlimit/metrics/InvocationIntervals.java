package io.streamlimit.metrics;

import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.PipelineEvent;
import io.streamlimit.results.PipelineEventKind;
import io.streamlimit.results.RunData;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When handler invocations ran, as half-open intervals [start, end) in epoch milliseconds:
 * one interval is busy at t if start <= t < end, so one that ends as the next starts does not
 * overlap it. Comes from the INVOKE events; a run without them (rows only, as from AWS) falls
 * back to one interval per batch, from its first start to its last completion.
 */
final class InvocationIntervals {

    private final long[] starts;
    private final long[] ends;
    private final long totalMillis;

    private InvocationIntervals(long[] starts, long[] ends, long totalMillis) {
        this.starts = starts;
        this.ends = ends;
        this.totalMillis = totalMillis;
        Arrays.sort(this.starts);
        Arrays.sort(this.ends);
    }

    static InvocationIntervals of(RunData data) {
        List<PipelineEvent> invokes = data.pipelineEvents().stream()
                .filter(e -> e.kind() == PipelineEventKind.INVOKE && e.at() != null)
                .toList();
        return invokes.isEmpty() ? fromRows(data.invocations()) : fromInvokes(invokes);
    }

    /**
     * Any half-open intervals [starts[i], ends[i]) (the arrays are sorted in place), for example the
     * events' waits from publish to applied, whose overlap is the backlog.
     */
    static InvocationIntervals spans(long[] starts, long[] ends) {
        long total = 0;
        for (int i = 0; i < starts.length; i++) {
            total += ends[i] - starts[i];
        }
        return new InvocationIntervals(starts, ends, total);
    }

    private static InvocationIntervals fromInvokes(List<PipelineEvent> invokes) {
        long[] starts = new long[invokes.size()];
        long[] ends = new long[invokes.size()];
        long total = 0;
        int n = 0;
        for (PipelineEvent invoke : invokes) {
            total += invoke.durationMillis();
            if (invoke.durationMillis() > 0) { // an empty interval is never busy
                starts[n] = invoke.at().toEpochMilli();
                ends[n] = starts[n] + invoke.durationMillis();
                n++;
            }
        }
        return new InvocationIntervals(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n), total);
    }

    private static InvocationIntervals fromRows(List<InvocationRow> rows) {
        Map<String, long[]> batches = new HashMap<>();
        int unbatched = 0;
        for (InvocationRow row : rows) {
            long start = RowTimes.started(row);
            long end = RowTimes.completed(row);
            if (start == RowTimes.NONE) {
                continue;
            }
            String key = row.batchId() != null ? "b:" + row.batchId() : "row:" + unbatched++;
            batches.merge(key, new long[] {start, end},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        long[] starts = new long[batches.size()];
        long[] ends = new long[batches.size()];
        long total = 0;
        int n = 0;
        for (long[] interval : batches.values()) {
            total += interval[1] - interval[0];
            if (interval[1] > interval[0]) {
                starts[n] = interval[0];
                ends[n] = interval[1];
                n++;
            }
        }
        return new InvocationIntervals(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n), total);
    }

    /** The sum of all invocation durations: what Lambda bills as compute time. */
    long totalMillis() {
        return totalMillis;
    }

    boolean isEmpty() {
        return starts.length == 0;
    }

    long firstStart() {
        return starts[0];
    }

    long lastEnd() {
        return ends[ends.length - 1];
    }

    /** The most intervals busy at one instant. */
    int maxOverlap() {
        int[] max = {0};
        sweep((from, to, level) -> max[0] = Math.max(max[0], level));
        return max[0];
    }

    /** Calls back with each stretch [from, to) of constant non-zero concurrency, in time order. */
    void sweep(LevelListener listener) {
        int i = 0;
        int j = 0;
        int level = 0;
        while (i < starts.length || j < ends.length) {
            long at = i < starts.length ? Math.min(starts[i], ends[j]) : ends[j];
            // Ends first: an invocation ending at t is no longer busy at t.
            while (j < ends.length && ends[j] == at) {
                level--;
                j++;
            }
            while (i < starts.length && starts[i] == at) {
                level++;
                i++;
            }
            if (level > 0) {
                long next = i < starts.length ? Math.min(starts[i], ends[j]) : ends[j];
                listener.stretch(at, next, level);
            }
        }
    }

    interface LevelListener {
        void stretch(long fromMillis, long toMillis, int level);
    }
}
