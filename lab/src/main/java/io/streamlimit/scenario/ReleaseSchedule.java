package io.streamlimit.scenario;

/**
 * When the producer may send each event, by the scenario's arrival pattern: both engines (the
 * simulator's producer and the emulator's) read release times here, so they send the same events
 * at the same moments. It is the scenario's timing, not an AWS behaviour.
 */
public final class ReleaseSchedule {

    private final EventsSpec spec;
    private final SecondCounts perSecond; // only for the day and replay patterns

    public ReleaseSchedule(EventsSpec spec) {
        this.spec = spec;
        this.perSecond = spec.traffic() == null ? null : spec.traffic().counts();
    }

    /** Milliseconds from the start at which event {@code id} (0-based, in publish order) is released. */
    public long releaseMillis(int id) {
        if (id < 0) {
            throw new IllegalArgumentException("id: must be 0 or more, got " + id);
        }
        return switch (spec.pattern()) {
            case BURST -> 0;
            case RATE -> (long) id * 1_000 / spec.ratePerSecond();
            case SPIKES -> (long) (id / spec.spikeSize()) * spec.spikeEverySeconds() * 1_000;
            case DAY, REPLAY -> perSecond.releaseMillis(id);
        };
    }
}
