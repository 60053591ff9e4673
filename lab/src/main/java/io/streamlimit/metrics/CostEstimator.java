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

    /** What the run's configuration pays per day while deployed; none for estimators that do not price it. */
    default StandingCharges standingCharges(RunData data) {
        return StandingCharges.NONE;
    }

    /**
     * The cost as deployed for the run's traffic: the run's own cost with its standing charges paid
     * for the whole days the traffic spans (at least one) instead of the run alone.
     */
    default double deployedCostUsd(RunData data) {
        return costUsd(data);
    }
}
