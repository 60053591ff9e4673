package io.streamlimit.calibration;

/**
 * A figure of a run that a calibration matches, real against simulated. The first five are the
 * fidelity figures of the same name ({@link io.streamlimit.fidelity.Figure}); the share-curve
 * points are read as the time by which a share of the published events had started, rather than
 * the share at a fixed time, so that they mean the same for a run of any length and have a
 * relative error.
 */
public enum Target {

    FIRST_TO_LAST_START("first -> last start (s)", 1),
    START_GAP_P10("start gap p10 (s)", 3),
    START_GAP_P50("start gap median (s)", 3),
    START_GAP_P90("start gap p90 (s)", 3),
    FAILED("failed (events)", 0),
    STARTED_25_PERCENT("25% of events started (s)", 1, 0.25),
    STARTED_50_PERCENT("50% of events started (s)", 1, 0.50),
    STARTED_75_PERCENT("75% of events started (s)", 1, 0.75),
    STARTED_90_PERCENT("90% of events started (s)", 1, 0.90);

    private final String label;
    private final int places;
    private final double share;

    Target(String label, int places) {
        this(label, places, Double.NaN);
    }

    Target(String label, int places, double share) {
        this.label = label;
        this.places = places;
        this.share = share;
    }

    /** The figure's name in the printed fit and the profile's header, with its unit. */
    public String label() {
        return label;
    }

    /** Decimals it is printed with. */
    public int places() {
        return places;
    }

    /** For a point of the share curve, the share of the published events; NaN otherwise. */
    double share() {
        return share;
    }

    boolean isSharePoint() {
        return !Double.isNaN(share);
    }
}
