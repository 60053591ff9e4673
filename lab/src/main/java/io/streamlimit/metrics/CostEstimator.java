package io.streamlimit.metrics;

import io.streamlimit.results.RunData;

/** Estimates what a run would cost on AWS; the metrics and the recommender take one. */
@FunctionalInterface
public interface CostEstimator {

    double costUsd(RunData data);
}
