package io.streamlimit.results;

import static io.streamlimit.metrics.RunDataBuilder.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamlimit.metrics.RunDataBuilder;
import io.streamlimit.testing.EmbeddedResultsStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Saving with COPY, three tables at once: progress to the exact total, and all rows or none. */
class CopySaveTest {

    @RegisterExtension
    static final EmbeddedResultsStore RESULTS = new EmbeddedResultsStore();

    private static RunData run(String runId, int events, long lastId) {
        RunDataBuilder builder = RunDataBuilder.run(runId).totalEvents(events).limit(1);
        for (int i = 0; i < events; i++) {
            long id = i == events - 1 ? lastId : i;
            builder.row(new InvocationRow(runId, id, at(i), at(i + 10), at(i + 20), "consumer", "b-" + i, "c"));
            builder.invoke("b-" + i, i + 10, 10);
            builder.event(PipelineEventKind.THROTTLE, i * 7L, null);
        }
        return builder.build();
    }

    @Test
    void progress_rises_to_the_total_of_rows_once_and_every_row_is_saved() {
        RunData data = run("copy-progress", 50_000, 49_999);
        List<long[]> calls = Collections.synchronizedList(new ArrayList<>());

        RESULTS.store().saveRunData(data, (saved, total) -> calls.add(new long[] {saved, total}));

        long countRows = data.withEventsCounted().pipelineCounts().rows();
        long total = 50_000 + 50_000 + countRows;
        assertThat(calls).allSatisfy(c -> assertThat(c[1]).isEqualTo(total));
        assertThat(calls.stream().mapToLong(c -> c[0])).isSorted().last().isEqualTo(total);
        RunData loaded = RESULTS.store().loadRun("copy-progress");
        assertThat(loaded.invocations()).hasSize(50_000);
        assertThat(loaded.pipelineCounts().total(PipelineEventKind.THROTTLE)).isEqualTo(50_000);
    }

    @Test
    void when_one_table_fails_the_rows_the_others_saved_are_removed() {
        // An id beyond the integer column of invocations fails that table's copy only.
        RunData data = run("copy-fails", 30_000, Integer.MAX_VALUE + 1L);

        assertThatThrownBy(() -> RESULTS.store().saveRunData(data)).isInstanceOf(ArithmeticException.class);

        assertThat(RESULTS.store().loadInvocations("copy-fails")).isEmpty();
        RunData loaded = RESULTS.store().loadRun("copy-fails");
        assertThat(loaded.pipelineEvents()).isEmpty();
        assertThat(loaded.pipelineCounts().isEmpty()).isTrue();
    }
}
