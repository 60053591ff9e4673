package io.streamlimit.local.chaos;

import io.streamlimit.event.StreamEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kinesis phase's verdict, from what was accepted and what came out: every event Kinesis
 * accepted (once or, put twice, twice) was applied by the ledger exactly once, or its record is
 * at the on-failure destination with a reason; each uid's events were first applied in the order
 * they were put; every record of a poisoned uid is at the on-failure destination; and the
 * destination names no record that was never put.
 */
final class KinesisVerdict {

    /** A record given up: its event, the destination's reason, and whether its uid was poisoned on purpose. */
    record GivenUp(StreamEvent event, String reason, boolean poisoned) {
    }

    /**
     * @param lost accepted events neither applied nor given up
     * @param violations everything else that went wrong
     * @param givenUp every accepted record the destination lists
     */
    record Judgement(List<String> lost, List<Violation> violations, List<GivenUp> givenUp) {
        boolean passed() {
            return lost.isEmpty() && violations.isEmpty();
        }
    }

    private KinesisVerdict() {
    }

    /**
     * @param accepted the records Kinesis accepted, in the order they were put
     * @param applied the {@link BatchRecorder#key}s of the events the ledger applied
     * @param firstOrder each uid's event seqs in the order they were first applied
     * @param appliedTwice events whose effect the ledger wrote twice ({@link ApplyCounter})
     * @param onFailure what the on-failure destination received
     * @param poisonedUids uids whose every record must be given up
     */
    static Judgement judge(List<KinesisPut> accepted, Set<String> applied, Map<String, List<Long>> firstOrder,
                           List<String> appliedTwice, List<OnFailureRange> onFailure, Set<String> poisonedUids) {
        List<Violation> violations = new ArrayList<>();
        List<GivenUp> givenUp = new ArrayList<>();
        Set<String> givenUpKeys = new LinkedHashSet<>();
        for (KinesisPut put : accepted) {
            OnFailureRange range = onFailure.stream().filter(put::in).findFirst().orElse(null);
            boolean poisoned = poisonedUids.contains(put.event().uid());
            if (range != null) {
                givenUp.add(new GivenUp(put.event(), range.condition(), poisoned));
                givenUpKeys.add(BatchRecorder.key(put.event()));
                if (range.condition().isBlank()) {
                    violations.add(new Violation("Kinesis: given up with a reason", put.shardId() + "/" + put.sequenceNumber(),
                            "at the on-failure destination without a condition"));
                }
            } else if (poisoned) {
                violations.add(new Violation("Kinesis: poison given up", put.event().uid(), BatchRecorder.key(put.event())
                        + " (" + put.shardId() + "/" + put.sequenceNumber() + ") never reached the on-failure destination"));
            }
        }
        for (OnFailureRange range : onFailure) {
            if (accepted.stream().noneMatch(p -> p.in(range))) {
                violations.add(new Violation("Kinesis: given up what was put", range.shardId(), "the on-failure destination names "
                        + range.startSequenceNumber() + ".." + range.endSequenceNumber() + ", which no accepted record is in"));
            }
        }
        List<String> lost = new ArrayList<>();
        Map<String, List<Long>> putOrder = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (KinesisPut put : accepted) {
            String key = BatchRecorder.key(put.event());
            if (!seen.add(key)) {
                continue; // a duplicate put: the same event again
            }
            putOrder.computeIfAbsent(put.event().uid(), uid -> new ArrayList<>()).add(put.event().seq());
            if (!applied.contains(key) && !givenUpKeys.contains(key)) {
                lost.add(key);
            }
        }
        for (String event : appliedTwice) {
            violations.add(new Violation("Kinesis: applied exactly once", event, "the ledger wrote its effect twice"));
        }
        putOrder.forEach((uid, order) -> {
            List<Long> first = firstOrder.getOrDefault(uid, List.of());
            List<Long> expected = order.stream().filter(first::contains).toList();
            if (!first.equals(expected)) {
                violations.add(new Violation("Kinesis: per-uid order", uid, "first applied in the order " + first
                        + ", put " + order));
            }
        });
        return new Judgement(List.copyOf(lost), List.copyOf(violations), List.copyOf(givenUp));
    }
}
