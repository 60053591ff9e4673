package io.streamlimit.calibration;

/**
 * How tightly a run identifies one fitted parameter: the values, the other parameters held at
 * their fitted values, that keep the fit within its tolerance ({@link Calibration#tolerance()}).
 * Probed outward from the fitted value in doubling steps, 1/64 of the parameter's range up to all
 * of it; a side that reaches the range's end is open: the run does not bound the parameter that way.
 *
 * @param low the smallest such value probed
 * @param high the largest such value probed
 * @param lowOpen true when {@code low} is the parameter's own lower bound
 * @param highOpen true when {@code high} is the parameter's own upper bound
 */
public record Identified(Parameter parameter, double low, double high, boolean lowOpen, boolean highOpen) {

    /** For people: "0.58 to 0.72", "at most 0.72", "0.58 or more", or "not identified". */
    public String describe() {
        if (lowOpen && highOpen) {
            return "not identified (" + parameter.display(low) + " to " + parameter.display(high) + " all fit)";
        }
        if (lowOpen) {
            return "at most " + parameter.display(high);
        }
        if (highOpen) {
            return parameter.display(low) + " or more";
        }
        if (low == high) {
            return "only " + parameter.display(low) + " (1/64 of the range either side is already outside)";
        }
        return parameter.display(low) + " to " + parameter.display(high);
    }

    /** True when the run bounds the parameter on both sides. */
    public boolean bounded() {
        return !lowOpen && !highOpen;
    }
}
