package io.streamlimit.fidelity;

import io.streamlimit.results.InvocationRow;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of a trace: one processed event as the original experiments' {@code invocations} table
 * recorded it (and as the results database's {@code invocations} table still does: docs/ARCHITECTURE.md).
 *
 * @param id the order in which the producer published the event
 * @param sentAt when the producer created the event, or null when the trace leaves it empty
 * @param startedAt when the handler started on it (the function's clock)
 * @param groupId which consumer processed it
 * @param batchId one per handler invocation
 * @param cacheId one per Lambda execution environment
 * @param createdAt when the row was inserted (the database's clock), or null when empty
 */
public record TraceRow(
        long id,
        Instant sentAt,
        Instant startedAt,
        String groupId,
        String batchId,
        String cacheId,
        Instant createdAt) {

    public TraceRow {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(cacheId, "cacheId");
    }

    /**
     * The same event as one of the project's rows, so that figures and metrics read traces and
     * simulated runs with the same code. The completion is left empty: the trace records when
     * the handler started, not when it ended, and {@code created_at} is another machine's clock.
     */
    public InvocationRow toInvocationRow(String runId) {
        return new InvocationRow(runId, id, sentAt, startedAt, null, groupId, batchId, cacheId);
    }
}
