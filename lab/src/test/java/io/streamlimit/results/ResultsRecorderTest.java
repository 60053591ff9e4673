package io.streamlimit.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ResultsRecorderTest {

    /** Collects what is written, and how many writes there were. */
    static final class ListSink implements ResultsSink {
        final List<InvocationRow> rows = Collections.synchronizedList(new ArrayList<>());
        final List<PipelineEvent> events = Collections.synchronizedList(new ArrayList<>());
        volatile int writes;

        @Override
        public void insertInvocations(List<InvocationRow> batch) {
            rows.addAll(batch);
            writes++;
        }

        @Override
        public void insertPipelineEvents(List<PipelineEvent> batch) {
            events.addAll(batch);
            writes++;
        }
    }

    private static InvocationRow row(long id) {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        return new InvocationRow("r", id, now, now, now, "g", "b" + id, "c");
    }

    @Test
    void rows_recorded_from_many_threads_are_all_written_once_on_flush() throws Exception {
        ListSink sink = new ListSink();
        ResultsRecorder recorder = new ResultsRecorder(sink, 97);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            pool.submit(() -> {
                for (int i = 0; i < 1_000; i++) {
                    recorder.record(row(thread * 1_000L + i));
                    recorder.record(new PipelineEvent("r", Instant.EPOCH, PipelineEventKind.INVOKE, null,
                            "b", "c", 1, 1));
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        recorder.flush();

        assertThat(sink.rows).extracting(InvocationRow::id).doesNotHaveDuplicates().hasSize(8_000);
        assertThat(sink.events).hasSize(8_000);
        assertThat(recorder.pending()).isZero();
    }

    @Test
    void the_recorder_writes_by_itself_when_its_buffer_fills() {
        ListSink sink = new ListSink();
        ResultsRecorder recorder = new ResultsRecorder(sink, 10);

        for (int i = 0; i < 25; i++) {
            recorder.record(row(i));
        }

        assertThat(sink.rows).hasSize(20);
        assertThat(recorder.pending()).isEqualTo(5);
        recorder.close();
        assertThat(sink.rows).hasSize(25);
    }

    @Test
    void flushing_an_empty_recorder_writes_nothing() {
        ListSink sink = new ListSink();

        new ResultsRecorder(sink).flush();

        assertThat(sink.writes).isZero();
    }
}
