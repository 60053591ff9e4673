package io.streamlimit.fidelity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One figure of one case measured with several seeds: the real value, each seed's simulated value
 * and how many of them fall inside the band. A figure inside its band at one seed only is luck;
 * this says how often it is.
 *
 * @param simulated one value per seed, in seed order; null where that simulation lacks the figure
 * @param band null when the figure is only shown
 */
public record FigureSpread(String caseName, Figure figure, double real, Band band, List<Double> simulated) {

    public FigureSpread {
        Objects.requireNonNull(caseName, "caseName");
        Objects.requireNonNull(figure, "figure");
        if (simulated.isEmpty()) {
            throw new IllegalArgumentException("a spread needs at least one seed");
        }
        simulated = Collections.unmodifiableList(new ArrayList<>(simulated));
    }

    public int seeds() {
        return simulated.size();
    }

    /** True when the figure is judged against a band. */
    public boolean judged() {
        return band != null;
    }

    /** Seeds whose simulated value is inside the band (0 for a figure only shown). */
    public int passes() {
        if (band == null) {
            return 0;
        }
        return (int) simulated.stream().filter(value -> value != null && band.contains(real, value)).count();
    }

    /** The smallest simulated value, or null when no seed has one. */
    public Double min() {
        return present().stream().min(Double::compare).orElse(null);
    }

    /** The largest simulated value, or null when no seed has one. */
    public Double max() {
        return present().stream().max(Double::compare).orElse(null);
    }

    /** The median simulated value (the mean of the middle two for an even count), or null. */
    public Double median() {
        List<Double> sorted = present().stream().sorted().toList();
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private List<Double> present() {
        return simulated.stream().filter(Objects::nonNull).toList();
    }
}
