package io.streamlimit.local.chaos;

import io.streamlimit.ledger.UidLedger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What both checkers need: a history cut by uid, and the streams a stored item holds at a moment. */
final class UidHistories {

    private UidHistories() {
    }

    /** Each uid's operations in recording order; operations without a uid (poison) are left out. */
    static Map<String, List<Op>> byUid(List<Op> ops) {
        Map<String, List<Op>> byUid = new LinkedHashMap<>();
        for (Op op : ops) {
            if (op.uid() != null) {
                byUid.computeIfAbsent(op.uid(), k -> new ArrayList<>()).add(op);
            }
        }
        return byUid;
    }

    /** Streams whose lease has not run out at {@code now}. */
    static Set<String> live(UidLedger stored, long now) {
        Set<String> live = new HashSet<>();
        stored.active().forEach((stream, expiry) -> {
            if (expiry > now) {
                live.add(stream);
            }
        });
        return live;
    }
}
