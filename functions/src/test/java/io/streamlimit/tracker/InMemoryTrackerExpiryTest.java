package io.streamlimit.tracker;

class InMemoryTrackerExpiryTest extends TrackerExpiryContract {

    @Override
    TrackerStore newStore(TrackerItemExpiry expiry) {
        return new InMemoryTrackerStore(expiry);
    }
}
