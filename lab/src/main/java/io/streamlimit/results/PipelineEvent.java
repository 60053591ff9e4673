package io.streamlimit.results;

import java.time.Instant;

/**
 * One thing the pipeline did, recorded so that metrics such as throttles, redeliveries, DLQ
 * arrivals and busy instances come from rows, the same way in every mode.
 *
 * @param eventId the producer's sequence number of the event concerned, or null
 * @param batchId the invocation concerned, or null
 * @param cacheId the execution environment concerned, or null
 * @param durationMillis for {@code INVOKE}: how long the invocation ran; otherwise 0
 * @param batchSize for {@code INVOKE}: how many records it was given; for {@code CONCURRENCY}: how many
 *     environments ran at once; otherwise 0
 */
public record PipelineEvent(
        String runId,
        Instant at,
        PipelineEventKind kind,
        Long eventId,
        String batchId,
        String cacheId,
        long durationMillis,
        int batchSize) {
}
