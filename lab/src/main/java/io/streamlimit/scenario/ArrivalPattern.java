package io.streamlimit.scenario;

/** How the producer spreads events over time. */
public enum ArrivalPattern {
    BURST, RATE, SPIKES
}
