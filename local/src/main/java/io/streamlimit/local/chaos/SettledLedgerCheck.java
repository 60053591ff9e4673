package io.streamlimit.local.chaos;

import io.streamlimit.clock.ManualClock;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.LedgerStore;
import io.streamlimit.ledger.UidLedger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pipeline phase checks once its events have settled: the history and the final ledger
 * stay within the concurrent checker's bounds, and, past every lease, each player's slots are
 * free again (players that never closed must not hold them for ever).
 */
final class SettledLedgerCheck {

    private SettledLedgerCheck() {
    }

    /** Advances {@code ledgerClock} past the lease and records the final checks in {@code history}. */
    static List<Violation> check(LedgerStore store, LedgerSettings settings, Ledger ledger, ManualClock ledgerClock,
                                 History history, List<String> uids) {
        Map<String, UidLedger> finals = new HashMap<>();
        uids.forEach(uid -> finals.put(uid, store.read(uid)));
        List<Violation> found = new ArrayList<>(new ConcurrentChecker(settings).check(history.ops(), finals, ledgerClock.millis()));
        ledgerClock.advance(settings.leaseDuration().plusSeconds(1));
        for (String uid : uids) {
            long invoked = history.tick();
            int open = ledger.check(uid).open();
            history.record(OpKind.CHECK, uid, null, "ledger", invoked, history.tick(), ledgerClock.millis(), new Answer.Checked(open));
            if (open != 0) {
                found.add(new Violation("4: lease did not free the slot", uid, open + " streams open after every lease expired"));
            }
        }
        return found;
    }
}
