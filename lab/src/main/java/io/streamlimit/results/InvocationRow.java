package io.streamlimit.results;

import java.time.Instant;

/**
 * One processed event: one row of the {@code invocations} table, written by the downstream for
 * every call it accepted. {@code completedAt} extends the original experiments' table so that
 * "time taken" ends at the last completion rather than the last start.
 */
public record InvocationRow(
        String runId,
        long id,
        Instant sentAt,
        Instant startedAt,
        Instant completedAt,
        String groupId,
        String batchId,
        String cacheId) {
}
