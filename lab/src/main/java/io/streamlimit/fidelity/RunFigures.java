package io.streamlimit.fidelity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The figures known about one run, real or simulated. A source may lack some: a trace has no
 * time taken (its publish times are stale), a published run has only what its README printed.
 */
public record RunFigures(Map<Figure, Double> values) {

    public RunFigures {
        EnumMap<Figure, Double> copy = new EnumMap<>(Figure.class);
        values.forEach((figure, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException(figure.jsonKey() + " must be a finite number, got " + value);
            }
            copy.put(figure, value);
        });
        values = Collections.unmodifiableMap(copy);
    }

    public boolean has(Figure figure) {
        return values.containsKey(figure);
    }

    /** The figure's value, or null when this source does not know it. */
    public Double value(Figure figure) {
        return values.get(figure);
    }
}
