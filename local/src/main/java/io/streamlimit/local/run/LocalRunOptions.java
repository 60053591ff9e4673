package io.streamlimit.local.run;

import java.time.Duration;

/**
 * How to run a scenario on the local stack.
 *
 * @param eventsOverride null: the scenario's own total
 * @param longPollWait how long the mapping's receives wait (AWS uses 20 s; shorter stops sooner)
 * @param localPollerCap the most concurrent batches this JVM will poll, whatever AWS would do
 * @param asyncDispatchers how many events Lambda's async queue tries at once
 * @param maxDuration the run gives up after this long; unfinished events count as failed
 */
public record LocalRunOptions(
        String runId,
        Integer eventsOverride,
        Duration longPollWait,
        int localPollerCap,
        int asyncDispatchers,
        Duration maxDuration) {

    public static LocalRunOptions defaults(String runId) {
        return new LocalRunOptions(runId, null, Duration.ofSeconds(1), 64, 32, Duration.ofHours(2));
    }
}
