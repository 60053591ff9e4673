package io.streamlimit.local.chaos;

import io.streamlimit.clock.ManualClock;
import io.streamlimit.ledger.Ledger;
import io.streamlimit.ledger.LedgerSettings;
import io.streamlimit.ledger.LedgerStore;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges an SNS -> Lambda run: every good event applied or in the DLQ with its reason, each
 * event meant to fail in the DLQ and not applied, the history and final ledger within the
 * concurrent bounds, and every slot free once the leases ran out. (Applied twice is judged from
 * the store's writes, for the whole round.)
 */
final class AsyncVerdict {

    private final ChaosReport report;
    private final LedgerSettings settings;
    private final LedgerStore store;

    AsyncVerdict(ChaosReport report, LedgerSettings settings, LedgerStore store) {
        this.report = report;
        this.settings = settings;
        this.store = store;
    }

    /**
     * @param keys each good event's body and key
     * @param applied keys of the events the ledger applied
     * @param deadLettered bodies in the DLQ with their reasons
     */
    void judge(Map<String, String> keys, Map<String, AsyncFate> fates, Set<String> applied, Map<String, String> deadLettered,
               History history, List<String> uids, Ledger ledger, ManualClock ledgerClock) {
        keys.forEach((body, key) -> {
            AsyncFate fate = fates.get(body);
            boolean wasApplied = applied.contains(key);
            String reason = deadLettered.get(body);
            if (fate.deadLettered() && wasApplied) {
                violation(new Violation("async: applied though every attempt failed", "-", key));
            } else if (fate.deadLettered() && reason == null) {
                violation(new Violation("async: never reached the DLQ", "-", key));
            } else if (!wasApplied && (reason == null || reason.isBlank())) {
                report.lost(ChaosPipeline.SNS_LAMBDA, "async: " + key);
            }
        });
        fates.forEach((body, fate) -> {
            if (fate == AsyncFate.POISON && !deadLettered.containsKey(body)) {
                violation(new Violation("poison", "-", "never reached the async DLQ: " + Bodies.preview(body)));
            }
        });
        report.violations(ChaosPipeline.SNS_LAMBDA, SettledLedgerCheck.check(store, settings, ledger, ledgerClock, history, uids));
    }

    private void violation(Violation v) {
        report.violation(ChaosPipeline.SNS_LAMBDA, v);
    }
}
