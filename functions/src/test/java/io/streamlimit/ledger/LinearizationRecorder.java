package io.streamlimit.ledger;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Wraps a store and tells, for the change the current thread just made, where it sits in its
 * uid's history: right after the write that produced version v ({@code position = 2v}) if it
 * wrote, or after version v and before v+1 ({@code 2v + 1}) if it decided on version v and wrote
 * nothing. Sorting a uid's changes by position gives the order the store really applied them in.
 */
final class LinearizationRecorder implements LedgerStore {

    private final LedgerStore inner;
    /** Per thread and uid: {version decided on, version written or -1}. */
    private final ThreadLocal<Map<String, long[]>> last = ThreadLocal.withInitial(HashMap::new);

    LinearizationRecorder(LedgerStore inner) {
        this.inner = inner;
    }

    @Override
    public UidLedger read(String uid) {
        return decidingOn(inner.read(uid));
    }

    @Override
    public Map<String, UidLedger> readAll(Collection<String> uids) {
        Map<String, UidLedger> states = inner.readAll(uids);
        states.values().forEach(this::decidingOn);
        return states;
    }

    @Override
    public boolean compareAndSet(UidLedger next, long expectedVersion) {
        boolean written = inner.compareAndSet(next, expectedVersion);
        if (written) {
            last.get().get(next.uid())[1] = next.version();
        }
        return written;
    }

    private UidLedger decidingOn(UidLedger state) {
        last.get().put(state.uid(), new long[] {state.version(), -1});
        return state;
    }

    /** Position of the last change this thread made to {@code uid} (call right after it returns). */
    long lastPosition(String uid) {
        long[] state = last.get().get(uid);
        return state[1] >= 0 ? 2 * state[1] : 2 * state[0] + 1;
    }

    /** Whether the last change this thread made to {@code uid} wrote. */
    boolean lastWrote(String uid) {
        return last.get().get(uid)[1] >= 0;
    }
}
