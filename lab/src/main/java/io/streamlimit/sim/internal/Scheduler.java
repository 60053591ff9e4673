package io.streamlimit.sim.internal;

import java.util.Arrays;

/**
 * The simulation's clock and agenda: actions run in order of (time, priority, sequence), so a
 * run is deterministic. Time is virtual integer milliseconds.
 *
 * <p>A binary heap over parallel primitive arrays: scheduling allocates nothing, which is what
 * keeps a million-event run in seconds. Components schedule themselves with a {@code tag}
 * (an event id, or a generation number to recognise a stale timer) instead of a new object.
 */
public final class Scheduler {

    /** What runs at a scheduled time. */
    @FunctionalInterface
    public interface Action {
        void fire(long tag);
    }

    // Priorities at equal time, lowest first: work that ends frees resources before work that
    // starts looks for them.
    public static final int END = 0;
    public static final int VISIBLE = 1;
    public static final int ARRIVE = 2;
    public static final int ACT = 3;
    public static final int TICK = 4;

    private static final int PRIORITY_BITS = 3;

    private long now;
    private long sequence;
    private long steps;
    private int size;
    private long[] keys = new long[256];
    private long[] sequences = new long[256];
    private long[] tags = new long[256];
    private Action[] actions = new Action[256];

    public long now() {
        return now;
    }

    /** Actions run so far. */
    public long steps() {
        return steps;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** When the next action runs; only valid when not empty. */
    public long nextTime() {
        return keys[0] >>> PRIORITY_BITS;
    }

    /** Runs {@code action} at {@code time} (never in the past). */
    public void at(long time, int priority, Action action, long tag) {
        if (size == keys.length) {
            grow();
        }
        long t = Math.max(time, now);
        int i = size++;
        long key = (t << PRIORITY_BITS) | priority;
        long seq = sequence++;
        // sift up
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(key, seq, keys[parent], sequences[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        put(i, key, seq, tag, action);
    }

    public void after(long delay, int priority, Action action, long tag) {
        at(now + delay, priority, action, tag);
    }

    /** Runs the next action; false when there is none. */
    public boolean runNext() {
        if (size == 0) {
            return false;
        }
        long key = keys[0];
        long tag = tags[0];
        Action action = actions[0];
        removeTop();
        now = key >>> PRIORITY_BITS;
        steps++;
        action.fire(tag);
        return true;
    }

    private void removeTop() {
        int last = --size;
        long key = keys[last];
        long seq = sequences[last];
        long tag = tags[last];
        Action action = actions[last];
        actions[last] = null;
        if (last == 0) {
            return;
        }
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < last && before(keys[right], sequences[right], keys[child], sequences[child])) {
                child = right;
            }
            if (!before(keys[child], sequences[child], key, seq)) {
                break;
            }
            move(child, i);
            i = child;
        }
        put(i, key, seq, tag, action);
    }

    private static boolean before(long key, long seq, long otherKey, long otherSeq) {
        return key < otherKey || (key == otherKey && seq < otherSeq);
    }

    private void move(int from, int to) {
        keys[to] = keys[from];
        sequences[to] = sequences[from];
        tags[to] = tags[from];
        actions[to] = actions[from];
    }

    private void put(int i, long key, long seq, long tag, Action action) {
        keys[i] = key;
        sequences[i] = seq;
        tags[i] = tag;
        actions[i] = action;
    }

    private void grow() {
        int n = keys.length * 2;
        keys = Arrays.copyOf(keys, n);
        sequences = Arrays.copyOf(sequences, n);
        tags = Arrays.copyOf(tags, n);
        actions = Arrays.copyOf(actions, n);
    }
}
