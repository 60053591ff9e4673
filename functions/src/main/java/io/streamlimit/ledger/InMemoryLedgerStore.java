package io.streamlimit.ledger;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A {@link LedgerStore} in a map, for tests and the simulator; atomic per uid. */
public final class InMemoryLedgerStore implements LedgerStore {

    private final ConcurrentMap<String, UidLedger> items = new ConcurrentHashMap<>();

    @Override
    public UidLedger read(String uid) {
        return items.getOrDefault(uid, UidLedger.empty(uid));
    }

    @Override
    public boolean compareAndSet(UidLedger next, long expectedVersion) {
        boolean[] written = {false};
        items.compute(next.uid(), (uid, current) -> {
            long currentVersion = current == null ? 0 : current.version();
            if (currentVersion != expectedVersion) {
                return current;
            }
            written[0] = true;
            return next;
        });
        return written[0];
    }
}
