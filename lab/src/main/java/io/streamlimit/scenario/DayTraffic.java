package io.streamlimit.scenario;

/**
 * A base rate with regular spikes: {@code baseRatePerSecond} (may be fractional: 0.2 is one event
 * every 5 s), and every {@code spikeEverySeconds}, starting at second 0, {@code spikeSeconds} at
 * {@code spikeRatePerSecond} instead, over {@code durationSeconds}.
 */
public record DayTraffic(double baseRatePerSecond, int spikeRatePerSecond, int spikeSeconds, int spikeEverySeconds,
                         int durationSeconds, SecondCounts counts) implements Traffic {

    public static final int DEFAULT_DURATION_SECONDS = 86_400;

    public DayTraffic {
        if (!(baseRatePerSecond >= 0 && baseRatePerSecond <= EventsSpec.MAX_RATE_PER_SECOND)) {
            throw new ScenarioException("events.baseRatePerSecond",
                    "must be 0 to " + EventsSpec.MAX_RATE_PER_SECOND + ", got " + baseRatePerSecond);
        }
        Checks.range("events.spikeRatePerSecond", spikeRatePerSecond, 0, EventsSpec.MAX_RATE_PER_SECOND);
        Checks.range("events.durationSeconds", durationSeconds, 1, MAX_SECONDS);
        Checks.range("events.spikeEverySeconds", spikeEverySeconds, 1, durationSeconds);
        Checks.range("events.spikeSeconds", spikeSeconds, 0, spikeEverySeconds);
        counts = countsOf(baseRatePerSecond, spikeRatePerSecond, spikeSeconds, spikeEverySeconds, durationSeconds);
        if (counts.total() < 1 || counts.total() > EventsSpec.MAX_TOTAL) {
            throw new ScenarioException("events", "the day pattern makes " + counts.total()
                    + " events; it must make 1 to " + EventsSpec.MAX_TOTAL);
        }
    }

    public static DayTraffic of(double baseRatePerSecond, int spikeRatePerSecond, int spikeSeconds,
                                int spikeEverySeconds, int durationSeconds) {
        return new DayTraffic(baseRatePerSecond, spikeRatePerSecond, spikeSeconds, spikeEverySeconds,
                durationSeconds, null);
    }

    private static SecondCounts countsOf(double base, int spikeRate, int spikeSeconds, int every, int duration) {
        int[] counts = new int[duration];
        for (int s = 0; s < duration; s++) {
            // The base rate's events fall evenly: floor(rate x (s + 1)) of them by the end of second s.
            counts[s] = s % every < spikeSeconds ? spikeRate
                    : (int) (Math.floor(base * (s + 1) + 1e-9) - Math.floor(base * s + 1e-9));
        }
        return new SecondCounts(counts);
    }
}
