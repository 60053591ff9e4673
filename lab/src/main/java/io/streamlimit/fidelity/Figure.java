package io.streamlimit.fidelity;

/**
 * One figure of a run that a real run and a simulated one are compared on. Every figure is
 * computed from rows by {@link FigureCalculator}, the same way for a trace and for a simulation.
 */
public enum Figure {

    /** First handler start to last handler start. Used for traces, whose publish times are stale. */
    FIRST_TO_LAST_START("firstToLastStartSeconds", "first -> last start (s)", 1),
    /** First publish to last completion: the metrics table's "Time taken", as the original README published it. */
    TIME_TAKEN("timeTakenSeconds", "first publish -> last completion (s)", 1),
    /** Distinct events with a row. */
    COMPLETED("completed", "completed (events)", 0),
    /** Published events without a row: in the DLQ, or lost. */
    FAILED("failed", "failed (events)", 0),
    /** Distinct execution environments ({@code cache_id}) among the rows. */
    ENVIRONMENTS("environments", "environments", 0),
    /** Gaps between consecutive handler starts, sorted by start; nearest-rank quantiles. */
    START_GAP_P10("startGapP10Seconds", "start gap p10 (s)", 3),
    START_GAP_P50("startGapP50Seconds", "start gap median (s)", 3),
    START_GAP_P90("startGapP90Seconds", "start gap p90 (s)", 3),
    /**
     * Most handler starts in one second, seconds counted from the first start: how unevenly the
     * events arrived, which is what a downstream rate limit feels.
     */
    BUSIEST_SECOND("busiestSecondStarts", "busiest second (starts)", 0),
    /** Rows started within 300 s of the first start, over the published events. */
    COMPLETED_SHARE_AT_300S("completedShareAt300s", "completed share at 300 s", 3),
    COMPLETED_SHARE_AT_600S("completedShareAt600s", "completed share at 600 s", 3),
    COMPLETED_SHARE_AT_900S("completedShareAt900s", "completed share at 900 s", 3),
    COMPLETED_SHARE_AT_1200S("completedShareAt1200s", "completed share at 1,200 s", 3),
    /** The metrics table's "Avg DB inserts per second" (runs only). */
    AVG_INSERTS_PER_SECOND("avgInsertsPerSecond", "inserts per second, average", 2),
    /** The metrics table's "Max DB inserts per second" (runs only). */
    MAX_INSERTS_PER_SECOND("maxInsertsPerSecond", "inserts per second, most", 0),
    /** Invocations refused for lack of concurrency (runs only: a trace has no throttles). */
    THROTTLES("throttles", "throttles", 0);

    private final String jsonKey;
    private final String label;
    private final int places;

    Figure(String jsonKey, String label, int places) {
        this.jsonKey = jsonKey;
        this.label = label;
        this.places = places;
    }

    /** The figure's key in JSON, in the published results resource and in {@code --json}. */
    public String jsonKey() {
        return jsonKey;
    }

    /** The figure's name in the table, with its unit. */
    public String label() {
        return label;
    }

    /** Decimals the figure is printed with. */
    public int places() {
        return places;
    }

    /** The figure with this JSON key. */
    public static Figure fromJsonKey(String key) {
        for (Figure figure : values()) {
            if (figure.jsonKey.equals(key)) {
                return figure;
            }
        }
        throw new IllegalArgumentException("no figure '" + key + "'");
    }
}
