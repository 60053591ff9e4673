package io.streamlimit.report;

import io.streamlimit.metrics.PerSecondSeries;

/** Series the charts derive from a run's per-second view. */
final class Charts {

    private Charts() {
    }

    /**
     * The share of the published events applied by the end of each second, in percent: the original
     * experiments' figure of how a run completes over time. Empty when the run published nothing.
     */
    static double[] completedPercent(PerSecondSeries series) {
        long[] applied = series.appliedByEnd();
        if (series.totalEvents() <= 0) {
            return new double[0];
        }
        double[] percent = new double[applied.length];
        for (int i = 0; i < applied.length; i++) {
            percent[i] = 100.0 * applied[i] / series.totalEvents();
        }
        return percent;
    }
}
