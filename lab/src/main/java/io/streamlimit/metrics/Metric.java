package io.streamlimit.metrics;

import java.util.function.Function;

/**
 * The metrics, in the order every output shows them: the table label, the JSON key and the one way each value
 * prints. The table, the JSON writer and the reports all iterate this, so they cannot disagree.
 */
public enum Metric {
    TOTAL_EVENTS("Total events", "totalEvents", m -> Long.toString(m.totalEvents()), ""),
    EVENTS_COMPLETED("Events completed", "eventsCompleted", m -> Long.toString(m.eventsCompleted()), ""),
    EVENTS_FAILED("Events failed", "eventsFailed", m -> Long.toString(m.eventsFailed()), ""),
    TIME_TAKEN("Time taken", "timeTakenSeconds",
            m -> Decimals.format(m.timeTakenSeconds(), Decimals.TIME_PLACES), " s"),
    LATENCY_P50("Latency p50", "latencyP50Seconds", m -> seconds(m.latency().p50Millis()), " s"),
    LATENCY_P95("Latency p95", "latencyP95Seconds", m -> seconds(m.latency().p95Millis()), " s"),
    LATENCY_P99("Latency p99", "latencyP99Seconds", m -> seconds(m.latency().p99Millis()), " s"),
    LATENCY_MAX("Latency max", "latencyMaxSeconds", m -> seconds(m.latency().maxMillis()), " s"),
    MAX_BACKLOG("Max backlog (events waiting)", "maxBacklog", m -> Long.toString(m.backlog().max()), ""),
    MAX_CONCURRENCY("Max concurrency", "maxConcurrency", m -> Integer.toString(m.maxConcurrency()), ""),
    AVG_INSERTS_PER_SECOND("Avg DB inserts per second", "avgInsertsPerSecond",
            m -> Decimals.format(m.avgInsertsPerSecond(), Decimals.RATE_PLACES), ""),
    MAX_INSERTS_PER_SECOND("Max DB inserts per second", "maxInsertsPerSecond",
            m -> Long.toString(m.maxInsertsPerSecond()), ""),
    MIN_INSERTS_PER_SECOND("Min DB inserts per second", "minInsertsPerSecond",
            m -> Long.toString(m.minInsertsPerSecond()), ""),
    SECONDS_OVER_LIMIT("Seconds over the limit", "secondsOverLimit", m -> Long.toString(m.secondsOverLimit()), ""),
    THROTTLES("Throttles", "throttles", m -> Long.toString(m.throttles()), ""),
    REDELIVERIES("Redeliveries", "redeliveries", m -> Long.toString(m.redeliveries()), ""),
    WASTED_INVOCATIONS("Wasted invocations", "wastedInvocations", m -> Long.toString(m.wastedInvocations()), ""),
    COST("Cost", "costUsd", m -> Decimals.format(m.costUsd(), Decimals.COST_PLACES), ""),
    PROVISIONED_CONCURRENCY_COST("Provisioned concurrency cost", "provisionedConcurrencyCostUsd",
            m -> Decimals.format(m.provisionedConcurrencyCostUsd(), Decimals.COST_PLACES), ""),
    STANDING_PER_DAY("Standing charges per day", "standingUsdPerDay",
            m -> Decimals.format(m.standingUsdPerDay(), Decimals.COST_PLACES), ""),
    STANDING_PER_MONTH("Standing charges per month", "standingUsdPerMonth",
            m -> Decimals.format(m.standingUsdPerMonth(), Decimals.COST_PLACES), ""),
    DELIVERED_SHARE("Delivered share", "deliveredShare",
            m -> Decimals.format(m.deliveredShare(), Decimals.RATIO_PLACES), ""),
    MEAN_LIMIT_UTILISATION("Limit utilisation (mean)", "meanLimitUtilisation",
            m -> Decimals.format(m.meanLimitUtilisation(), Decimals.RATIO_PLACES), ""),
    PEAK_LIMIT_UTILISATION("Limit utilisation (peak)", "peakLimitUtilisation",
            m -> Decimals.format(m.peakLimitUtilisation(), Decimals.RATIO_PLACES), ""),
    MAX_ITERATOR_AGE("Max iterator age", "maxIteratorAgeSeconds",
            m -> Decimals.format(m.maxIteratorAgeSeconds(), Decimals.TIME_PLACES), " s"),
    ON_FAILURE_RECORDS("On-failure records", "onFailureRecords", m -> Long.toString(m.onFailureRecords()), ""),
    SHARD_RETRIES("Shard-blocking retries", "shardRetries", m -> Long.toString(m.shardRetries()), "");

    private final String label;
    private final String jsonKey;
    private final Function<RunMetrics, String> number;
    private final String unit;

    Metric(String label, String jsonKey, Function<RunMetrics, String> number, String unit) {
        this.label = label;
        this.jsonKey = jsonKey;
        this.number = number;
        this.unit = unit;
    }

    /** Whole milliseconds as seconds with three decimals: exact, never rounded. */
    private static String seconds(long millis) {
        return Decimals.format(millis / 1000.0, Decimals.TIME_PLACES);
    }

    /** The name in the metrics table, for example "Seconds over the limit". */
    public String label() {
        return label;
    }

    /** The {@code --json} key, for example {@code secondsOverLimit}. */
    public String jsonKey() {
        return jsonKey;
    }

    /** The value as a JSON number literal with the metric's fixed decimals. */
    public String number(RunMetrics metrics) {
        return number.apply(metrics);
    }

    /** The value for people: the number with its unit ("12.345 s", "$0.001234"). */
    public String display(RunMetrics metrics) {
        return withUnit(number(metrics));
    }

    /** A number of this metric's (a median, say) for people, with its unit. */
    public String withUnit(String number) {
        return this == COST || this == PROVISIONED_CONCURRENCY_COST || this == STANDING_PER_DAY
                || this == STANDING_PER_MONTH ? "$" + number : number + unit;
    }
}
