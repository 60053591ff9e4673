package io.streamlimit.ledger;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the first read of each uid from states read ahead in one batch; every later read (after
 * a lost compare-and-set) goes to the store. A state read ahead may be stale by the time it is
 * used: a write decided on it then loses its compare-and-set and is decided again on a fresh read.
 */
final class ReadAheadStore implements LedgerStore {

    private final LedgerStore store;
    private final Map<String, UidLedger> readAhead;

    ReadAheadStore(LedgerStore store, Map<String, UidLedger> readAhead) {
        this.store = Objects.requireNonNull(store, "store");
        this.readAhead = new ConcurrentHashMap<>(readAhead);
    }

    @Override
    public UidLedger read(String uid) {
        UidLedger state = readAhead.remove(uid);
        return state != null ? state : store.read(uid);
    }

    @Override
    public boolean compareAndSet(UidLedger next, long expectedVersion) {
        return store.compareAndSet(next, expectedVersion);
    }
}
