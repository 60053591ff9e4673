package io.streamlimit.metrics;

import io.streamlimit.results.RunData;

/** Estimates what a run would cost on AWS; the metrics and the recommender take one. */
@FunctionalInterface
public interface CostEstimator {

    double costUsd(RunData data);

    /** The part of {@link #costUsd} that pays for provisioned concurrency; 0 for estimators that do not price it. */
    default double provisionedConcurrencyUsd(RunData data) {
        return 0;
    }
}
