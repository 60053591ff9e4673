package io.streamlimit.local.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/** One metric's datapoints over a window, read with GetMetricData (all its pages). */
public final class CloudWatchSeries {

    private CloudWatchSeries() {
    }

    /**
     * @param stat {@code Sum} for counts, {@code Maximum} for concurrency
     * @return value per period start, in time order; periods without data are absent
     */
    public static NavigableMap<Instant, Long> fetch(CloudWatchClient cloudWatch, String namespace, String metricName,
                                                    String dimension, String dimensionValue, String stat, MetricWindow window) {
        MetricDataQuery query = MetricDataQuery.builder()
                .id("m")
                .returnData(true)
                .metricStat(metricStat -> metricStat
                        .metric(metric -> metric.namespace(namespace).metricName(metricName)
                                .dimensions(d -> d.name(dimension).value(dimensionValue)))
                        .period(window.periodSeconds())
                        .stat(stat))
                .build();
        NavigableMap<Instant, Long> series = new TreeMap<>();
        try {
            List<MetricDataResult> results = new ArrayList<>();
            cloudWatch.getMetricDataPaginator(request -> request.metricDataQueries(query)
                            .startTime(window.from()).endTime(window.to()).scanBy(ScanBy.TIMESTAMP_ASCENDING))
                    .forEach(page -> results.addAll(page.metricDataResults()));
            for (MetricDataResult result : results) {
                for (int i = 0; i < result.timestamps().size(); i++) {
                    series.merge(result.timestamps().get(i), Math.round(result.values().get(i)), Long::sum);
                }
            }
        } catch (CloudWatchException e) {
            ImportException refused = AwsCallFailure.refusedCredentials(e);
            if (refused != null) {
                throw refused;
            }
            throw new ImportException("cannot read " + namespace + " " + metricName + " of " + dimensionValue
                    + " from CloudWatch: " + e.awsErrorDetails().errorMessage());
        }
        return Collections.unmodifiableNavigableMap(series);
    }
}
