package io.streamlimit.fidelity;

import java.util.Objects;

/**
 * A figure a case compares: judged against its band, or only shown (band null) because it helps
 * calibrating without being an acceptance criterion.
 */
public record FigureCheck(Figure figure, Band band) {

    public FigureCheck {
        Objects.requireNonNull(figure, "figure");
    }

    public static FigureCheck within(Figure figure, Band band) {
        return new FigureCheck(figure, Objects.requireNonNull(band, "band"));
    }

    public static FigureCheck shown(Figure figure) {
        return new FigureCheck(figure, null);
    }

    public boolean judged() {
        return band != null;
    }
}
