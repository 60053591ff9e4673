package io.streamlimit.tracker;

class InMemoryTrackerStoreTest extends TrackerStoreContract {

    private InMemoryTrackerStore current;

    @Override
    TrackerStore newStore() {
        current = new InMemoryTrackerStore();
        return current;
    }

    @Override
    TrackerStore sameTableStore() {
        return current;
    }
}
