package io.streamlimit.scenario;

import java.util.Locale;

/** How the producer spreads events over time. */
public enum ArrivalPattern {
    /** Everything at once, limited only by the publishes in flight. */
    BURST,
    /** {@code ratePerSecond} events every second, evenly spaced. */
    RATE,
    /** {@code spikeSize} events at once every {@code spikeEverySeconds}. */
    SPIKES,
    /** A base rate with spikes, second by second ({@link DayTraffic}). */
    DAY,
    /** Recorded counts per second, replayed ({@link ReplayTraffic}). */
    REPLAY;

    /** The name used in scenario files: {@code burst}, {@code rate}, {@code spikes}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
