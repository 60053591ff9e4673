package io.streamlimit.scenario;

/**
 * What the producer sends.
 *
 * @param total how many events
 * @param pattern {@code burst}: all at once; {@code rate}: {@code ratePerSecond} evenly;
 *     {@code spikes}: bursts of {@code spikeSize} every {@code spikeEverySeconds}
 * @param users how many distinct uids the events spread over
 * @param publishConcurrency publishes in flight at once (50 in the original experiments)
 */
public record EventsSpec(
        int total,
        ArrivalPattern pattern,
        int users,
        Integer ratePerSecond,
        Integer spikeSize,
        Integer spikeEverySeconds,
        int publishConcurrency) {
}
