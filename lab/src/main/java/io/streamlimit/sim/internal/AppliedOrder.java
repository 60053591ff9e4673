package io.streamlimit.sim.internal;

import io.streamlimit.scenario.Viewers;
import java.util.Arrays;

/**
 * Checks the order in which each viewer's events are applied (their first successful downstream
 * call, the ledger's write) against the order they reached the topic: an event applied after a
 * later-arrived event of the same viewer is an order violation. A FIFO pipeline should have none;
 * a standard queue's concurrent batches have some.
 */
final class AppliedOrder {

    private final int users;
    private final int[] arrival;
    private final boolean[] applied;
    private final int[] lastAppliedArrival;
    private int arrived;
    private long violations;

    AppliedOrder(int total, int users) {
        this.users = users;
        this.arrival = new int[total];
        this.applied = new boolean[total];
        this.lastAppliedArrival = new int[users];
        Arrays.fill(lastAppliedArrival, -1);
    }

    /** The event reached the topic. */
    void arrived(int id) {
        arrival[id] = arrived++;
    }

    /** A downstream call for the event succeeded (only its first counts). */
    void applied(int id) {
        if (applied[id]) {
            return;
        }
        applied[id] = true;
        int viewer = Viewers.of(id, users);
        if (arrival[id] < lastAppliedArrival[viewer]) {
            violations++;
        } else {
            lastAppliedArrival[viewer] = arrival[id];
        }
    }

    /** Events applied after a later-arrived event of the same viewer. */
    long violations() {
        return violations;
    }
}
