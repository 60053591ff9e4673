package io.streamlimit.scenario;

/** A traffic pattern given second by second: a day with spikes, or a replay of recorded counts. */
public sealed interface Traffic permits DayTraffic, ReplayTraffic {

    /** Longest pattern: two weeks of seconds (a simulated run stops after 30 virtual days). */
    int MAX_SECONDS = 14 * 86_400;

    SecondCounts counts();
}
