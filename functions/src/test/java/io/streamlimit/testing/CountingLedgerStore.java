package io.streamlimit.testing;

import io.streamlimit.ledger.LedgerStore;
import io.streamlimit.ledger.UidLedger;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a store and counts the writes that took effect: how often the ledger really changed. */
public final class CountingLedgerStore implements LedgerStore {

    private final LedgerStore inner;
    private final AtomicInteger writes = new AtomicInteger();

    public CountingLedgerStore(LedgerStore inner) {
        this.inner = inner;
    }

    @Override
    public UidLedger read(String uid) {
        return inner.read(uid);
    }

    @Override
    public boolean compareAndSet(UidLedger next, long expectedVersion) {
        boolean written = inner.compareAndSet(next, expectedVersion);
        if (written) {
            writes.incrementAndGet();
        }
        return written;
    }

    public int writes() {
        return writes.get();
    }
}
