package io.streamlimit.results;

import java.util.ArrayList;
import java.util.List;

/**
 * A thread-safe buffer in front of a {@link ResultsSink}: many consumer threads append rows
 * cheaply, and they are written in large batches, when the buffer fills or on {@link #flush()}.
 */
public final class ResultsRecorder implements AutoCloseable {

    public static final int DEFAULT_FLUSH_THRESHOLD = 5_000;

    private final ResultsSink sink;
    private final int flushThreshold;
    private final Object bufferLock = new Object();
    // Held while writing, so that flush() returns only once every row appended before it is written.
    private final Object writeLock = new Object();
    private List<InvocationRow> invocations = new ArrayList<>();
    private List<PipelineEvent> pipelineEvents = new ArrayList<>();

    public ResultsRecorder(ResultsSink sink) {
        this(sink, DEFAULT_FLUSH_THRESHOLD);
    }

    public ResultsRecorder(ResultsSink sink, int flushThreshold) {
        if (flushThreshold < 1) {
            throw new IllegalArgumentException("flushThreshold must be at least 1, was " + flushThreshold);
        }
        this.sink = sink;
        this.flushThreshold = flushThreshold;
    }

    public void record(InvocationRow row) {
        boolean full;
        synchronized (bufferLock) {
            invocations.add(row);
            full = invocations.size() + pipelineEvents.size() >= flushThreshold;
        }
        if (full) {
            flush();
        }
    }

    public void record(PipelineEvent event) {
        boolean full;
        synchronized (bufferLock) {
            pipelineEvents.add(event);
            full = invocations.size() + pipelineEvents.size() >= flushThreshold;
        }
        if (full) {
            flush();
        }
    }

    /** Writes everything recorded so far. */
    public void flush() {
        synchronized (writeLock) {
            List<InvocationRow> rows;
            List<PipelineEvent> events;
            synchronized (bufferLock) {
                rows = invocations;
                events = pipelineEvents;
                invocations = new ArrayList<>();
                pipelineEvents = new ArrayList<>();
            }
            if (!rows.isEmpty()) {
                sink.insertInvocations(rows);
            }
            if (!events.isEmpty()) {
                sink.insertPipelineEvents(events);
            }
        }
    }

    /** Rows recorded and not yet written. */
    public int pending() {
        synchronized (bufferLock) {
            return invocations.size() + pipelineEvents.size();
        }
    }

    @Override
    public void close() {
        flush();
    }
}
