package io.streamlimit.local.chaos;

import io.streamlimit.ledger.LedgerStore;
import io.streamlimit.ledger.UidLedger;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Deliberately broken ledger stores, for proving that the chaos checks catch what they break. */
final class BrokenStores {

    private BrokenStores() {
    }

    /** {@code inner}, with every write passed through {@code breakage} first. */
    static LedgerStore rewriting(LedgerStore inner, UnaryOperator<UidLedger> breakage) {
        return new LedgerStore() {
            @Override
            public UidLedger read(String uid) {
                return inner.read(uid);
            }

            @Override
            public boolean compareAndSet(UidLedger next, long expectedVersion) {
                return inner.compareAndSet(breakage.apply(next), expectedVersion);
            }
        };
    }

    /** A breakage: closed streams are forgotten, so a redelivered open is applied again. */
    static UidLedger forgetTombstones(UidLedger next) {
        return new UidLedger(next.uid(), next.active(), Map.of(), next.denied(), next.version());
    }
}
