package io.streamlimit.ledger;

class InMemoryLedgerStoreTest extends LedgerStoreContractTest {

    @Override
    protected LedgerStore newStore() {
        return new InMemoryLedgerStore();
    }
}
