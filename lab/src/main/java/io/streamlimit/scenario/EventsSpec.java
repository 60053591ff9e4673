package io.streamlimit.scenario;

/**
 * What the producer sends.
 *
 * @param total how many events
 * @param pattern {@code burst}: all at once; {@code rate}: {@code ratePerSecond} evenly;
 *     {@code spikes}: bursts of {@code spikeSize} every {@code spikeEverySeconds}
 * @param users how many distinct uids the events spread over
 * @param ratePerSecond only with {@code rate}
 * @param spikeSize only with {@code spikes}
 * @param spikeEverySeconds only with {@code spikes}
 * @param publishConcurrency publishes in flight at once (50 in the original experiments)
 * @param traffic only with {@code day} (a base rate with spikes) or {@code replay} (counts per
 *     second from a CSV file): the pattern second by second; {@code total} is at most its events
 */
public record EventsSpec(
        int total,
        ArrivalPattern pattern,
        int users,
        Integer ratePerSecond,
        Integer spikeSize,
        Integer spikeEverySeconds,
        int publishConcurrency,
        Traffic traffic) {

    /** Defaults for keys a scenario file may omit. */
    public static final ArrivalPattern DEFAULT_PATTERN = ArrivalPattern.BURST;
    public static final int DEFAULT_USERS = 200;
    public static final int DEFAULT_PUBLISH_CONCURRENCY = 50;

    /** Bounds that keep a simulated run within one JVM's memory (one row per event). */
    public static final int MAX_TOTAL = 10_000_000;
    public static final int MAX_RATE_PER_SECOND = 100_000;
    public static final int MAX_PUBLISH_CONCURRENCY = 1_000;

    public EventsSpec {
        Checks.range("events.total", total, 1, MAX_TOTAL);
        Checks.required("events.pattern", pattern);
        Checks.range("events.users", users, 1, MAX_TOTAL);
        Checks.range("events.publishConcurrency", publishConcurrency, 1, MAX_PUBLISH_CONCURRENCY);
        if (pattern == ArrivalPattern.RATE) {
            Checks.range("events.ratePerSecond", Checks.required("events.ratePerSecond", ratePerSecond),
                    1, MAX_RATE_PER_SECOND);
        } else {
            Checks.absent("events.ratePerSecond", ratePerSecond, "unless pattern is rate");
        }
        if (pattern == ArrivalPattern.SPIKES) {
            Checks.range("events.spikeSize", Checks.required("events.spikeSize", spikeSize), 1, MAX_TOTAL);
            Checks.range("events.spikeEverySeconds",
                    Checks.required("events.spikeEverySeconds", spikeEverySeconds), 1, 86_400);
        } else {
            Checks.absent("events.spikeSize", spikeSize, "unless pattern is spikes");
            Checks.absent("events.spikeEverySeconds", spikeEverySeconds, "unless pattern is spikes");
        }
        boolean perSecond = pattern == ArrivalPattern.DAY || pattern == ArrivalPattern.REPLAY;
        if (perSecond) {
            Checks.required(pattern == ArrivalPattern.DAY ? "events.baseRatePerSecond" : "events.countsFile", traffic);
            if ((pattern == ArrivalPattern.DAY) != (traffic instanceof DayTraffic)) {
                throw new ScenarioException("events.pattern", "is " + pattern.fileName() + " but the traffic is "
                        + (traffic instanceof DayTraffic ? "a day" : "a replay"));
            }
            if (total > traffic.counts().total()) {
                throw new ScenarioException("events.total", "must be at most the " + traffic.counts().total()
                        + " events of the " + pattern.fileName() + " pattern, got " + total);
            }
        } else {
            Checks.absent("events.traffic", traffic, "unless pattern is day or replay");
        }
    }

    /** Without a per-second traffic pattern (any pattern but day and replay). */
    public EventsSpec(int total, ArrivalPattern pattern, int users, Integer ratePerSecond, Integer spikeSize,
                      Integer spikeEverySeconds, int publishConcurrency) {
        this(total, pattern, users, ratePerSecond, spikeSize, spikeEverySeconds, publishConcurrency, null);
    }

    /** Every event of a per-second traffic pattern, with the default users and publishes in flight. */
    public static EventsSpec of(Traffic traffic) {
        return new EventsSpec((int) traffic.counts().total(),
                traffic instanceof DayTraffic ? ArrivalPattern.DAY : ArrivalPattern.REPLAY, DEFAULT_USERS, null, null,
                null, DEFAULT_PUBLISH_CONCURRENCY, traffic);
    }

    /** All events at once with the default users and publishes in flight. */
    public static EventsSpec burst(int total) {
        return new EventsSpec(total, ArrivalPattern.BURST, DEFAULT_USERS, null, null, null,
                DEFAULT_PUBLISH_CONCURRENCY);
    }

    /** {@code ratePerSecond} events a second with the default users and publishes in flight. */
    public static EventsSpec rate(int total, int ratePerSecond) {
        return new EventsSpec(total, ArrivalPattern.RATE, DEFAULT_USERS, ratePerSecond, null, null,
                DEFAULT_PUBLISH_CONCURRENCY);
    }

    /** The same traffic with another number of events (the {@code --events} override). */
    public EventsSpec withTotal(int newTotal) {
        return new EventsSpec(newTotal, pattern, users, ratePerSecond, spikeSize, spikeEverySeconds,
                publishConcurrency, traffic);
    }
}
