package io.streamlimit.recommend;

import io.streamlimit.metrics.Latency;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.sim.SimulationStats;

/**
 * A simulated configuration in its place in the ranking.
 *
 * @param rank 1 for the winner
 * @param family what kind of configuration it is
 * @param label its settings in a few words
 * @param lost events that did not complete (dead-lettered or still in flight)
 * @param costUsd the estimated AWS cost of the simulated run
 * @param reason why it won, or why it ranks below the winner
 * @param stoppedEarly its simulation was stopped at its first lost event or second over the
 *     limit, since a candidate that did neither exists: its figures are partial
 * @param latency publish to applied over its applied events
 * @param spikeLatency the same over the events published during the day pattern's spikes, or null
 * @param ranges over several seeds, the smallest and largest of each ranked figure (the figures
 *     above are then the medians it was ranked on); null for one seed or a run stopped early
 */
public record RankedCandidate(
        int rank,
        Scenario scenario,
        String family,
        String label,
        SimulationStats stats,
        long lost,
        double costUsd,
        String reason,
        boolean stoppedEarly,
        Latency latency,
        Latency spikeLatency,
        SeedRanges ranges) {

    public RankedCandidate(int rank, Scenario scenario, String family, String label, SimulationStats stats, long lost,
                           double costUsd, String reason, boolean stoppedEarly, Latency latency, Latency spikeLatency) {
        this(rank, scenario, family, label, stats, lost, costUsd, reason, stoppedEarly, latency, spikeLatency, null);
    }

    public RankedCandidate(int rank, Scenario scenario, String family, String label, SimulationStats stats, long lost,
                           double costUsd, String reason) {
        this(rank, scenario, family, label, stats, lost, costUsd, reason, false, Latency.NONE, null, null);
    }

    /** Its settings as short named columns, for a table. */
    public ConfigurationColumns columns() {
        return ConfigurationColumns.of(scenario);
    }

    /** Time taken in seconds (the ranking compares it in coarser steps, see {@link Ranking}). */
    public double timeTakenSeconds() {
        return stats.timeTakenMillis() / 1000.0;
    }
}
