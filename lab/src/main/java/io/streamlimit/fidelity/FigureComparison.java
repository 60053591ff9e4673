package io.streamlimit.fidelity;

import java.util.Objects;

/**
 * One figure of one case: the real value, the simulated one and whether it is within its band.
 *
 * @param simulated null when the simulation lacks the figure (for example gaps with fewer than two rows)
 * @param band null when the figure is only shown
 */
public record FigureComparison(Figure figure, double real, Double simulated, Band band) {

    public FigureComparison {
        Objects.requireNonNull(figure, "figure");
    }

    /** (simulated - real) / real in percent; null when the real value is 0 or the simulation lacks it. */
    public Double errorPercent() {
        if (simulated == null || real == 0) {
            return null;
        }
        return (simulated - real) / Math.abs(real) * 100;
    }

    public Verdict verdict() {
        if (band == null) {
            return Verdict.SHOWN;
        }
        return simulated != null && band.contains(real, simulated) ? Verdict.PASS : Verdict.FAIL;
    }

    /** The band in words, or null when the figure is only shown. */
    public String bandText() {
        return band == null ? null : band.describe(real, figure.places());
    }
}
