package io.streamlimit.metrics;

/**
 * A run's estimated cost by service, in US dollars (unrounded).
 *
 * @param lambdaComputeUsd the invocations' duration: on-demand environments at the on-demand
 *     price, provisioned ones at the lower provisioned duration price
 * @param provisionedConcurrencyUsd the configured provisioned concurrency itself, for the time it
 *     is configured; 0 without it
 * @param kinesisUsd the stream's shard-hours for the run, its PUT payload units and the REST API
 *     requests of the proxy in front of it; 0 without a stream
 * @param provisionedPollersUsd the SQS mapping's event pollers in provisioned mode: the minimum for
 *     the run (at least a minute) and those above it while scaled; 0 in standard mode
 */
public record CostBreakdown(
        double lambdaRequestsUsd,
        double lambdaComputeUsd,
        double provisionedConcurrencyUsd,
        double sqsUsd,
        double snsUsd,
        double dynamoDbUsd,
        double httpApiUsd,
        double kinesisUsd,
        double provisionedPollersUsd) {

    /** Without a Kinesis stream or provisioned pollers. */
    public CostBreakdown(double lambdaRequestsUsd, double lambdaComputeUsd, double provisionedConcurrencyUsd,
                         double sqsUsd, double snsUsd, double dynamoDbUsd, double httpApiUsd) {
        this(lambdaRequestsUsd, lambdaComputeUsd, provisionedConcurrencyUsd, sqsUsd, snsUsd, dynamoDbUsd, httpApiUsd, 0, 0);
    }

    public double totalUsd() {
        return lambdaRequestsUsd + lambdaComputeUsd + provisionedConcurrencyUsd + sqsUsd + snsUsd + dynamoDbUsd
                + httpApiUsd + kinesisUsd + provisionedPollersUsd;
    }
}
