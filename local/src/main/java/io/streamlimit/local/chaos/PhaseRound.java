package io.streamlimit.local.chaos;

import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.LedgerStore;

/**
 * What every end-to-end phase of a round works with: the run's options, the round's ledger table
 * (behind the round's apply counter) and settings, the report, and the prefix that names the
 * round's queues, streams, functions and uids.
 */
record PhaseRound(ChaosOptions options, LedgerStore store, LedgerSettings settings, ChaosReport report, String prefix) {
}
