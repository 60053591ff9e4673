package io.streamlimit.results;

import java.util.List;

/** Everything recorded about one run: what the metrics, the report and the dashboards read. */
public record RunData(RunRecord run, List<InvocationRow> invocations, List<PipelineEvent> pipelineEvents) {

    public RunData {
        invocations = List.copyOf(invocations);
        pipelineEvents = List.copyOf(pipelineEvents);
    }
}
