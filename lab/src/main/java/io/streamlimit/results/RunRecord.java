package io.streamlimit.results;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run of one scenario: a row of the {@code runs} table.
 *
 * @param mode {@code simulate}, {@code local} or {@code aws}
 * @param configurationJson the scenario as JSON, as it was run
 * @param limitPerSecond the downstream's rate limit, for "seconds over the limit" and the limit utilisation
 * @param memoryMb the consumer's memory, for the cost model
 * @param requestCounts billable requests the rows do not show, by service
 *     (for example {@code sqsRequests}, {@code snsPublishes}, {@code dynamoWriteUnits})
 */
public record RunRecord(
        String runId,
        String scenario,
        String mode,
        String configurationJson,
        Instant startedAt,
        Instant endedAt,
        long totalEvents,
        int limitPerSecond,
        int memoryMb,
        Map<String, Long> requestCounts) {

    public RunRecord {
        // Sorted, so that everything written from a run comes out in the same order every time.
        requestCounts = Collections.unmodifiableMap(new TreeMap<>(requestCounts));
    }
}
