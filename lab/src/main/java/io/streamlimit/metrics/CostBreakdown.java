package io.streamlimit.metrics;

/** A run's estimated cost by service, in US dollars (unrounded). */
public record CostBreakdown(
        double lambdaRequestsUsd,
        double lambdaComputeUsd,
        double sqsUsd,
        double snsUsd,
        double dynamoDbUsd,
        double httpApiUsd) {

    public double totalUsd() {
        return lambdaRequestsUsd + lambdaComputeUsd + sqsUsd + snsUsd + dynamoDbUsd + httpApiUsd;
    }
}
