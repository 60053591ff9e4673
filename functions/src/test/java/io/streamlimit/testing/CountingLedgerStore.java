package io.streamlimit.testing;

import io.streamlimit.ledger.LedgerStore;
import io.streamlimit.ledger.UidLedger;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a store and counts its reads and the writes that took effect (how often the ledger really
 * changed): together, the DynamoDB requests the ledger made.
 */
public final class CountingLedgerStore implements LedgerStore {

    private final LedgerStore inner;
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger batchReads = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();

    public CountingLedgerStore(LedgerStore inner) {
        this.inner = inner;
    }

    @Override
    public UidLedger read(String uid) {
        reads.incrementAndGet();
        return inner.read(uid);
    }

    @Override
    public Map<String, UidLedger> readAll(Collection<String> uids) {
        batchReads.incrementAndGet();
        return inner.readAll(uids);
    }

    @Override
    public boolean compareAndSet(UidLedger next, long expectedVersion) {
        boolean written = inner.compareAndSet(next, expectedVersion);
        if (written) {
            writes.incrementAndGet();
        }
        return written;
    }

    public int reads() {
        return reads.get();
    }

    /** Calls of {@link #readAll}, each one request to a store that batches reads. */
    public int batchReads() {
        return batchReads.get();
    }

    public int writes() {
        return writes.get();
    }
}
