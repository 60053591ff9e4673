package io.streamlimit.metrics;

/**
 * The metrics of one run, one component per {@link Metric}. The component names are the
 * {@code --json} keys; decimals are already rounded (time and rates to 3 places, cost to 6) so
 * that equal runs give equal records and byte-identical JSON. {@code costUsd} is the whole
 * estimate; {@code provisionedConcurrencyCostUsd} the part of it that pays for configured
 * provisioned concurrency (0 without it). {@code standingUsdPerDay} and {@code standingUsdPerMonth}
 * are what the configuration pays while deployed, traffic or not (provisioned concurrency; a
 * month of 730 hours), beside the run's own cost. {@code deliveredShare} is completed / total events;
 * {@code meanLimitUtilisation} and {@code peakLimitUtilisation} are the average and the peak
 * inserts per second divided by the downstream's limit (README, "Metrics", defines each).
 * {@code latency} is publish to applied over the applied events; {@code backlog} the events waiting
 * second by second. The Kinesis pipeline's own: {@code maxIteratorAgeSeconds} the stream's
 * largest iterator age (its oldest unprocessed record's age, sampled once a second),
 * {@code onFailureRecords} the records whose metadata went to the mapping's on-failure
 * destination, {@code shardRetries} the retried batches that blocked their shard's partition keys;
 * 0 on the other pipelines.
 */
public record RunMetrics(
        String runId,
        String scenario,
        String mode,
        long totalEvents,
        long eventsCompleted,
        long eventsFailed,
        double timeTakenSeconds,
        int maxConcurrency,
        double avgInsertsPerSecond,
        long maxInsertsPerSecond,
        long minInsertsPerSecond,
        long secondsOverLimit,
        long throttles,
        long redeliveries,
        long wastedInvocations,
        double costUsd,
        double provisionedConcurrencyCostUsd,
        double standingUsdPerDay,
        double standingUsdPerMonth,
        double deliveredShare,
        double meanLimitUtilisation,
        double peakLimitUtilisation,
        Latency latency,
        Backlog backlog,
        double maxIteratorAgeSeconds,
        long onFailureRecords,
        long shardRetries) {

    public RunMetrics {
        latency = latency == null ? Latency.NONE : latency;
        backlog = backlog == null ? Backlog.NONE : backlog;
    }

    /** Metrics of a pipeline without a Kinesis stream. */
    public RunMetrics(String runId, String scenario, String mode, long totalEvents, long eventsCompleted,
                      long eventsFailed, double timeTakenSeconds, int maxConcurrency, double avgInsertsPerSecond,
                      long maxInsertsPerSecond, long minInsertsPerSecond, long secondsOverLimit, long throttles,
                      long redeliveries, long wastedInvocations, double costUsd, double provisionedConcurrencyCostUsd,
                      double standingUsdPerDay, double standingUsdPerMonth, double deliveredShare,
                      double meanLimitUtilisation, double peakLimitUtilisation, Latency latency, Backlog backlog) {
        this(runId, scenario, mode, totalEvents, eventsCompleted, eventsFailed, timeTakenSeconds, maxConcurrency,
                avgInsertsPerSecond, maxInsertsPerSecond, minInsertsPerSecond, secondsOverLimit, throttles,
                redeliveries, wastedInvocations, costUsd, provisionedConcurrencyCostUsd, standingUsdPerDay,
                standingUsdPerMonth, deliveredShare, meanLimitUtilisation, peakLimitUtilisation, latency, backlog,
                0, 0, 0);
    }

    /** Metrics without standing charges (a summary stored before they were shown). */
    public RunMetrics(String runId, String scenario, String mode, long totalEvents, long eventsCompleted,
                      long eventsFailed, double timeTakenSeconds, int maxConcurrency, double avgInsertsPerSecond,
                      long maxInsertsPerSecond, long minInsertsPerSecond, long secondsOverLimit, long throttles,
                      long redeliveries, long wastedInvocations, double costUsd, double provisionedConcurrencyCostUsd,
                      double deliveredShare, double meanLimitUtilisation, double peakLimitUtilisation,
                      Latency latency, Backlog backlog) {
        this(runId, scenario, mode, totalEvents, eventsCompleted, eventsFailed, timeTakenSeconds, maxConcurrency,
                avgInsertsPerSecond, maxInsertsPerSecond, minInsertsPerSecond, secondsOverLimit, throttles,
                redeliveries, wastedInvocations, costUsd, provisionedConcurrencyCostUsd, 0, 0, deliveredShare,
                meanLimitUtilisation, peakLimitUtilisation, latency, backlog);
    }

    /** Metrics without latency and backlog (a summary stored before they were measured). */
    public RunMetrics(String runId, String scenario, String mode, long totalEvents, long eventsCompleted,
                      long eventsFailed, double timeTakenSeconds, int maxConcurrency, double avgInsertsPerSecond,
                      long maxInsertsPerSecond, long minInsertsPerSecond, long secondsOverLimit, long throttles,
                      long redeliveries, long wastedInvocations, double costUsd, double provisionedConcurrencyCostUsd,
                      double deliveredShare, double meanLimitUtilisation, double peakLimitUtilisation) {
        this(runId, scenario, mode, totalEvents, eventsCompleted, eventsFailed, timeTakenSeconds, maxConcurrency,
                avgInsertsPerSecond, maxInsertsPerSecond, minInsertsPerSecond, secondsOverLimit, throttles,
                redeliveries, wastedInvocations, costUsd, provisionedConcurrencyCostUsd, deliveredShare,
                meanLimitUtilisation, peakLimitUtilisation, Latency.NONE, Backlog.NONE);
    }
}
