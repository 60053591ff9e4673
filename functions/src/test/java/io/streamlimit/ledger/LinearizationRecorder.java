package io.streamlimit.ledger;

/**
 * Wraps a store and tells, for the change the current thread just made, where it sits in its
 * uid's history: right after the write that produced version v ({@code position = 2v}) if it
 * wrote, or after version v and before v+1 ({@code 2v + 1}) if it decided on version v and wrote
 * nothing. Sorting a uid's changes by position gives the order the store really applied them in.
 */
final class LinearizationRecorder implements LedgerStore {

    private final LedgerStore inner;
    private final ThreadLocal<long[]> last = ThreadLocal.withInitial(() -> new long[] {0, -1});

    LinearizationRecorder(LedgerStore inner) {
        this.inner = inner;
    }

    @Override
    public UidLedger read(String uid) {
        UidLedger state = inner.read(uid);
        last.get()[0] = state.version();
        last.get()[1] = -1;
        return state;
    }

    @Override
    public boolean compareAndSet(UidLedger next, long expectedVersion) {
        boolean written = inner.compareAndSet(next, expectedVersion);
        if (written) {
            last.get()[1] = next.version();
        }
        return written;
    }

    /** Position of the last change made by this thread (call right after the change returns). */
    long lastPosition() {
        long[] state = last.get();
        return state[1] >= 0 ? 2 * state[1] : 2 * state[0] + 1;
    }

    /** Whether the last change of this thread wrote. */
    boolean lastWrote() {
        return last.get()[1] >= 0;
    }
}
