package io.streamlimit.sim.internal;

/**
 * Where every event stands: when it was sent, whether a downstream call for it succeeded, and
 * whether it has left the pipeline (deleted after success, or dead-lettered). The run ends when
 * every event has left.
 */
public final class EventStates {

    private static final byte PENDING = 0;
    private static final byte SUCCEEDED = 1;
    private static final byte DEAD = 2;

    private final long[] sentAt;
    private final byte[] outcome;
    private final boolean[] completed;
    private int published;
    private int resolved;
    private int completedCount;
    private int deadCount;
    private long lastResolvedAt;

    EventStates(int total) {
        sentAt = new long[total];
        outcome = new byte[total];
        completed = new boolean[total];
    }

    int total() {
        return sentAt.length;
    }

    void sent(int id, long at) {
        sentAt[id] = at;
        published++;
    }

    long sentAt(int id) {
        return sentAt[id];
    }

    /** A downstream call for the event succeeded; false if one had already (a duplicate). */
    boolean completed(int id) {
        if (completed[id]) {
            return false;
        }
        completed[id] = true;
        completedCount++;
        return true;
    }

    /** The event left the pipeline after success (its message deleted, or its async event done). */
    void succeeded(int id, long at) {
        resolve(id, SUCCEEDED, at);
    }

    /** The event reached the dead-letter queue. */
    void dead(int id, long at) {
        if (resolve(id, DEAD, at)) {
            deadCount++;
        }
    }

    private boolean resolve(int id, byte to, long at) {
        if (outcome[id] != PENDING) {
            return false;
        }
        outcome[id] = to;
        resolved++;
        lastResolvedAt = Math.max(lastResolvedAt, at);
        return true;
    }

    public boolean allResolved() {
        return resolved == sentAt.length;
    }

    public int published() {
        return published;
    }

    public int completedCount() {
        return completedCount;
    }

    public int deadCount() {
        return deadCount;
    }

    public int unresolved() {
        return sentAt.length - resolved;
    }

    public long lastResolvedAt() {
        return lastResolvedAt;
    }
}
