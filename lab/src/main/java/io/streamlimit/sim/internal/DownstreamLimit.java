package io.streamlimit.sim.internal;

import io.streamlimit.scenario.DownstreamSpec;

/**
 * The rate-limited external service. It counts calls per calendar second of their start; with
 * {@code enforce} it refuses (429) every call beyond {@code ratePerSecond} in the current second,
 * otherwise it accepts all and the run shows the seconds that went over.
 */
final class DownstreamLimit {

    private final DownstreamSpec spec;
    private final Recorder recorder;
    private long currentSecond = -1;
    private int acceptedThisSecond;
    private long secondsOverLimit;

    DownstreamLimit(DownstreamSpec spec, Recorder recorder) {
        this.spec = spec;
        this.recorder = recorder;
    }

    /** One call starting now; false when refused. */
    boolean call(long now) {
        long second = Math.floorDiv(now, 1_000);
        if (second != currentSecond) {
            currentSecond = second;
            acceptedThisSecond = 0;
        }
        if (spec.enforce() && acceptedThisSecond >= spec.ratePerSecond()) {
            recorder.refusedCalls++;
            return false;
        }
        acceptedThisSecond++;
        if (acceptedThisSecond == spec.ratePerSecond() + 1) {
            secondsOverLimit++;
        }
        return true;
    }

    long secondsOverLimit() {
        return secondsOverLimit;
    }
}
