package io.streamlimit.local.chaos;

import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.UidLedger;
import java.util.List;
import java.util.Map;

/**
 * Checks a history of ledger operations, and the ledger's final state, against the ledger's four
 * invariants (numbered as in docs/ARCHITECTURE.md; see {@link ModelLedger}), by how the history
 * was made:
 * <ul>
 *   <li>{@link #checkSequential}: each uid driven by one thread with a clock it controls; every
 *       answer is checked exactly ({@link SequentialChecker});</li>
 *   <li>{@link #checkConcurrent}: any number of threads per uid, real-time order only; sound
 *       bounds instead of a full linearizability search ({@link ConcurrentChecker}).</li>
 * </ul>
 */
public final class HistoryChecker {

    private final SequentialChecker sequential;
    private final ConcurrentChecker concurrent;

    public HistoryChecker(LedgerSettings settings) {
        this.sequential = new SequentialChecker(settings);
        this.concurrent = new ConcurrentChecker(settings);
    }

    /** Uids the sequential check could not decide (too many failed operations in a row); not violations. */
    public int ambiguousUids() {
        return sequential.ambiguousUids();
    }

    /**
     * @param finals each uid's stored item at the end (a missing uid: nothing stored)
     * @param finalNow the ledger clock at which to read {@code finals}, per uid
     */
    public List<Violation> checkSequential(List<Op> ops, Map<String, UidLedger> finals, Map<String, Long> finalNow) {
        return sequential.check(ops, finals, finalNow);
    }

    /**
     * @param finals each uid's stored item at the end; null to skip the final-state check
     * @param finalNow the ledger clock at which {@code finals} are read
     */
    public List<Violation> checkConcurrent(List<Op> ops, Map<String, UidLedger> finals, long finalNow) {
        return concurrent.check(ops, finals, finalNow);
    }
}
