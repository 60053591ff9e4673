package io.streamlimit.calibration;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a calibration fits and against what: the target figures, the parameters it searches, and
 * the parameters it keeps at their starting values, each with the reason it cannot be identified
 * from this run.
 */
public record Plan(List<Target> targets, List<Parameter> fitted, Map<Parameter, String> kept) {

    public Plan {
        targets = List.copyOf(targets);
        fitted = List.copyOf(fitted);
        EnumMap<Parameter, String> copy = new EnumMap<>(Parameter.class);
        copy.putAll(kept);
        kept = Collections.unmodifiableMap(copy);
    }
}
