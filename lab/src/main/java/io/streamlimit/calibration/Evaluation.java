package io.streamlimit.calibration;

import java.util.List;

/**
 * A point simulated with every seed: each seed's figures, their mean, and the throttles the
 * simulations saw (which say whether the run is a throttled one).
 */
public record Evaluation(Point point, List<TargetValues> perSeed, TargetValues mean, long throttles) {

    public Evaluation {
        perSeed = List.copyOf(perSeed);
    }
}
