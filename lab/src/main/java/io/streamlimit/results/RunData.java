package io.streamlimit.results;

import java.util.List;

/**
 * Everything recorded about one run: what the metrics, the report and the dashboards read.
 * Throttles and redeliveries are in {@code pipelineCounts}, per second; {@code pipelineEvents}
 * holds one row per invoke, DLQ arrival, timeout and cold start.
 */
public record RunData(RunRecord run, List<InvocationRow> invocations, List<PipelineEvent> pipelineEvents,
                      PipelineCounts pipelineCounts) {

    public RunData {
        invocations = List.copyOf(invocations);
        pipelineEvents = List.copyOf(pipelineEvents);
        if (pipelineCounts == null) {
            pipelineCounts = PipelineCounts.EMPTY;
        }
    }

    /** A run without per-second counts (its throttles and redeliveries, if any, are rows). */
    public RunData(RunRecord run, List<InvocationRow> invocations, List<PipelineEvent> pipelineEvents) {
        this(run, invocations, pipelineEvents, PipelineCounts.EMPTY);
    }

    /** The same rows with throttle and redelivery rows folded into the per-second counts. */
    public RunData withEventsCounted() {
        PipelineCounts.Builder counts = new PipelineCounts.Builder();
        pipelineCounts.forEach(counts::addAtSecond);
        List<PipelineEvent> kept = pipelineEvents.stream().filter(e -> !counts.addIfCounted(e)).toList();
        return new RunData(run, invocations, kept, counts.build());
    }
}
