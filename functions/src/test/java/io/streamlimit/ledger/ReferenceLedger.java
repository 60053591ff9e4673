package io.streamlimit.ledger;

import io.streamlimit.event.EventType;
import io.streamlimit.event.StreamEvent;
import java.util.HashSet;
import java.util.Set;

/**
 * The ledger's rules (the README's "How the ledger decides") for one uid written the plainest
 * way: sets, no versions, no time (leases never expire). The randomized test replays a history
 * through it and expects the same answers.
 */
final class ReferenceLedger {

    private final int limit;
    private final Set<String> open = new HashSet<>();
    private final Set<String> closed = new HashSet<>();
    private final Set<String> denied = new HashSet<>();

    ReferenceLedger(int limit) {
        this.limit = limit;
    }

    Outcome apply(StreamEvent event) {
        String stream = event.streamId();
        if (event.type() == EventType.CLOSE) {
            if (closed.contains(stream)) {
                return Outcome.DUPLICATE;
            }
            closed.add(stream);
            denied.remove(stream);
            return open.remove(stream) ? Outcome.CLOSED : Outcome.TOMBSTONED;
        }
        if (closed.contains(stream)) {
            return Outcome.ALREADY_CLOSED;
        }
        if (open.contains(stream)) {
            return Outcome.REFRESHED;
        }
        if (denied.contains(stream)) {
            return Outcome.DUPLICATE;
        }
        if (open.size() < limit) {
            open.add(stream);
            return Outcome.OPENED;
        }
        denied.add(stream);
        return Outcome.DENIED;
    }

    int openCount() {
        return open.size();
    }
}
