package io.streamlimit.results;

import java.util.List;

/** Where recorded rows go: the results database, or a list in tests and the simulator. */
public interface ResultsSink {

    void insertInvocations(List<InvocationRow> rows);

    void insertPipelineEvents(List<PipelineEvent> events);
}
