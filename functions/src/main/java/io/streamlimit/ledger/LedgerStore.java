package io.streamlimit.ledger;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the ledger keeps one {@link UidLedger} per uid. Two operations are enough for optimistic
 * concurrency: read, then write only if nobody wrote in between.
 *
 * <p>Implementations report infrastructure failures as {@link LedgerStoreException}, never as
 * SDK exceptions.
 */
public interface LedgerStore {

    /** The stored state of {@code uid}, or {@link UidLedger#empty(String)} (version 0) if none. */
    UidLedger read(String uid);

    /**
     * The stored state of each of {@code uids}, as {@link #read} gives it, in as few requests as
     * the store can make (DynamoDB: one BatchGetItem per 100 uids). Default: one read each.
     */
    default Map<String, UidLedger> readAll(Collection<String> uids) {
        Map<String, UidLedger> states = new HashMap<>();
        for (String uid : uids) {
            states.put(uid, read(uid));
        }
        return states;
    }

    /**
     * Stores {@code next} if the stored version still equals {@code expectedVersion} (0: nothing
     * stored yet).
     *
     * @return false if another writer got there first; the caller re-reads and decides again
     */
    boolean compareAndSet(UidLedger next, long expectedVersion);
}
