package io.streamlimit.local.chaos;

import io.streamlimit.ledger.LedgerStore;
import io.streamlimit.ledger.UidLedger;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link LedgerStore} in front of the real one that counts, from the writes themselves, how
 * often each stream was added to a uid's counted streams and to its closed ones. A stream added
 * twice (without its lease expiring in between) is an event applied twice, whatever the answers
 * said. A write is compared with the state it replaced: the one read at the version it expected
 * (reads may be batched ahead, on another thread than the write).
 */
public final class ApplyCounter implements LedgerStore {

    private final LedgerStore inner;
    /** States read and not yet replaced, by uid and version: a version names one state. */
    private final Map<String, UidLedger> readStates = new ConcurrentHashMap<>();
    private final Object[] locks = new Object[64];
    private final Map<String, Integer> opens = new ConcurrentHashMap<>();
    private final Map<String, Integer> closes = new ConcurrentHashMap<>();
    private final List<String> appliedTwice = new CopyOnWriteArrayList<>();

    public ApplyCounter(LedgerStore inner) {
        this.inner = inner;
        Arrays.setAll(locks, i -> new Object());
    }

    @Override
    public UidLedger read(String uid) {
        return remember(inner.read(uid));
    }

    @Override
    public Map<String, UidLedger> readAll(Collection<String> uids) {
        Map<String, UidLedger> states = inner.readAll(uids);
        states.values().forEach(this::remember);
        return states;
    }

    @Override
    public boolean compareAndSet(UidLedger next, long expectedVersion) {
        // Writes of one uid are counted in the order they were stored: counted after the lock was
        // let go, a pruning write could be counted before the write that added what it pruned.
        synchronized (locks[Math.floorMod(next.uid().hashCode(), locks.length)]) {
            boolean written = inner.compareAndSet(next, expectedVersion);
            if (written) {
                UidLedger previous = readStates.remove(versionKey(next.uid(), expectedVersion));
                if (previous != null) {
                    count(previous, next);
                }
            }
            return written;
        }
    }

    private UidLedger remember(UidLedger state) {
        readStates.put(versionKey(state.uid(), state.version()), state);
        return state;
    }

    private static String versionKey(String uid, long version) {
        return uid + '\u0000' + version;
    }

    private void count(UidLedger previous, UidLedger next) {
        String uid = next.uid();
        for (String stream : next.active().keySet()) {
            if (!previous.active().containsKey(stream)) {
                bump(opens, uid, stream, "open");
            }
        }
        for (String stream : previous.active().keySet()) {
            if (!next.active().containsKey(stream) && !next.closed().containsKey(stream)) {
                opens.remove(key(uid, stream)); // its lease expired and was pruned: a new open is a new stream life
            }
        }
        for (String stream : next.closed().keySet()) {
            if (!previous.closed().containsKey(stream)) {
                bump(closes, uid, stream, "close");
            }
        }
        for (String stream : previous.closed().keySet()) {
            if (!next.closed().containsKey(stream)) {
                closes.remove(key(uid, stream));
            }
        }
    }

    private void bump(Map<String, Integer> counts, String uid, String stream, String type) {
        if (counts.merge(key(uid, stream), 1, Integer::sum) == 2) {
            appliedTwice.add(type + " " + uid + "/" + stream);
        }
    }

    private static String key(String uid, String stream) {
        return uid + '\u0000' + stream;
    }

    /** Events (type uid/stream) whose effect was written twice. */
    public List<String> appliedTwice() {
        return List.copyOf(appliedTwice);
    }
}
