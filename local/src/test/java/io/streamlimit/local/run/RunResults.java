package io.streamlimit.local.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.PipelineEventKind;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What the local pipeline tests read from a run's result. */
final class RunResults {

    private RunResults() {
    }

    /** Every event completed once (one invocations row each), and the ledger holds what the events say. */
    static void assertEveryEventCompletedOnceAndLedgerMatches(LocalRun.Result result) {
        assertThat(completedIds(result)).hasSize(result.events().size());
        Map<String, Integer> expected = LedgerModel.openStreams(result.events());
        for (String uid : LedgerModel.streamsPerUid(result.events()).keySet()) {
            assertThat(result.ledger().check(uid).open()).as("open streams of " + uid).isEqualTo(expected.getOrDefault(uid, 0));
        }
    }

    /** The ids of the events that have an invocations row. */
    static Set<Long> completedIds(LocalRun.Result result) {
        return result.data().invocations().stream().map(InvocationRow::id).collect(Collectors.toSet());
    }

    /** How many times {@code kind} happened: throttles and redeliveries are counted per second, the rest are rows. */
    static long kinds(LocalRun.Result result, PipelineEventKind kind) {
        return result.data().pipelineEvents().stream().filter(e -> e.kind() == kind).count()
                + result.data().pipelineCounts().total(kind);
    }
}
