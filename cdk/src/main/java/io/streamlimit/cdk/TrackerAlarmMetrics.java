package io.streamlimit.cdk;

import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.constructs.Construct;

/**
 * What the alarm topic hears of the tracker API: requests refused for the throttle (429) and
 * answers of 5xx, per minute. API Gateway publishes no throttle metric of its own (HTTP APIs
 * fold 429s into {@code 4xx} with every 401), so the throttled count comes from a metric filter
 * on the stage's access logs, which record every request with its status.
 *
 * @param throttled requests answered 429, summed per minute
 * @param serverErrors requests answered 5xx, summed per minute
 * @param wafBlocked requests the WAF rule blocked, summed per minute, when the WAF is on
 */
record TrackerAlarmMetrics(IMetric throttled, IMetric serverErrors, Optional<IMetric> wafBlocked) {

    static final String THROTTLED_METRIC = "TrackerThrottledRequests";

    /** A metric filter counting the 429 lines of {@code accessLogs}, in a namespace of this stack's own. */
    static IMetric throttledFrom(Construct scope, ILogGroup accessLogs, String stackName) {
        MetricFilter filter = MetricFilter.Builder.create(scope, "TrackerThrottledFilter")
                .logGroup(accessLogs)
                .filterPattern(FilterPattern.stringValue("$.status", "=", "429"))
                .metricNamespace(namespace(stackName))
                .metricName(THROTTLED_METRIC)
                .metricValue("1")
                .build();
        return filter.metric(perMinuteSum());
    }

    /** Several scenario stacks may share an account: each counts in its own namespace. */
    static String namespace(String stackName) {
        return "streamlimit/" + stackName;
    }

    static MetricOptions perMinuteSum() {
        return MetricOptions.builder().period(Duration.minutes(1)).statistic("Sum").build();
    }
}
