package io.streamlimit.report;

/**
 * One per-second chart as inline SVG: axes with labelled ticks, the series as a filled step path
 * (at most {@link #MAX_POINTS} steps, each at least {@link #MIN_PIXELS_PER_POINT} px wide),
 * optionally the downstream limit as a dashed line, and
 * optionally a second series (a run's simulated twin) as an unfilled step line with a legend, drawn
 * last so that no other line hides it. Where the seconds do not fit, each point is a bucket of
 * seconds: the line is the bucket's mean and a light band behind it reaches the bucket's peak, and
 * the x-axis title says so ("mean per 87 s; band: peak"). A chart with nothing to draw (every value
 * 0, or none recorded) collapses to one line of text. Element classes ({@code chart}, {@code series},
 * {@code area}, {@code band}, {@code twin}, {@code legend}, {@code limit}, {@code axis},
 * {@code chart-empty}) and the chart's id let tests and stylesheets find the parts.
 */
final class SvgChart {

    static final int MAX_POINTS = 1_000;
    /**
     * The narrowest a point may be drawn: one second per point on a run longer than the plot has room
     * for reads as a barcode (a 1/s limit's inserts alternate 0 and 1), so seconds are bucketed first.
     */
    static final int MIN_PIXELS_PER_POINT = 4;

    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int BOTTOM = 44;
    /** About one x-axis tick per this many pixels, so that the labels never crowd. */
    private static final int PIXELS_PER_TICK = 100;
    /** A tick label centred closer than this to the chart's right edge is right-aligned instead, so it is not clipped. */
    private static final int LABEL_HALF_WIDTH = 24;
    private static final int LEGEND_ENTRY_WIDTH = 150;
    /** Keeps the legend off the plot's top right corner, where the limit's label sits when the limit tops the axis. */
    private static final int LEGEND_RIGHT_GAP = 80;

    private final String id;
    private final String kind;
    private final String title;
    private final String yLabel;
    private final double[] values;
    private int width = 960;
    private int height = 240;
    private long limit = -1;
    private double[] twinValues;
    private String seriesLabel;
    private String twinLabel;
    private int xSeconds;
    private long yMax;
    private String unrecordedNote = "no data";

    /**
     * @param id the svg element's id, unique in the page
     * @param kind what is drawn ({@code inserts}, {@code busy}, ...): the css class {@code chart-<kind>}
     */
    SvgChart(String id, String kind, String title, String yLabel, long[] values) {
        this(id, kind, title, yLabel, Downsampler.toDoubles(values));
    }

    /** A series of fractional values, such as the share of events completed, in percent. */
    SvgChart(String id, String kind, String title, String yLabel, double[] values) {
        this.id = id;
        this.kind = kind;
        this.title = title;
        this.yLabel = yLabel;
        this.values = values;
        this.xSeconds = values.length;
    }

    /** The chart's size in pixels (default 960 x 240), e.g. smaller for panels side by side. */
    SvgChart size(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    private int plotWidth() {
        return width - LEFT - RIGHT;
    }

    private int plotHeight() {
        return height - TOP - BOTTOM;
    }

    /** Draws a horizontal line at the limit and keeps it inside the y range. */
    SvgChart limit(long limitPerSecond) {
        this.limit = limitPerSecond;
        return this;
    }

    /**
     * Draws a second series over the first, as a line without an area so that both stay visible
     * where they overlap, on axes wide and high enough for both, and a legend naming the two.
     */
    SvgChart twin(long[] values, String seriesLabel, String twinLabel) {
        return twin(Downsampler.toDoubles(values), seriesLabel, twinLabel);
    }

    SvgChart twin(double[] values, String seriesLabel, String twinLabel) {
        this.twinValues = values;
        this.seriesLabel = seriesLabel;
        this.twinLabel = twinLabel;
        this.xSeconds = Math.max(xSeconds, values.length);
        return this;
    }

    /** What the one-line chart says when there are no values at all (default "no data"). */
    SvgChart whenUnrecorded(String note) {
        this.unrecordedNote = note;
        return this;
    }

    /** Widens the axes to at least these ranges, e.g. to a run's whole span when its series is empty. */
    SvgChart atLeast(int seconds, long maxValue) {
        this.xSeconds = Math.max(xSeconds, seconds);
        this.yMax = Math.max(yMax, maxValue);
        return this;
    }

    /** One line of the empty chart's height, for a chart with nothing to draw. */
    static final int EMPTY_HEIGHT = 24;

    String render() {
        if (isEmpty()) {
            return renderEmpty();
        }
        int bucket = Downsampler.bucketSeconds(Math.max(xSeconds, 1),
                Math.min(MAX_POINTS, Math.max(1, plotWidth() / MIN_PIXELS_PER_POINT)));
        double[] means = Downsampler.meanPerBucket(values, bucket);
        double[] peaks = Downsampler.maxPerBucket(values, bucket);
        // The twin in the same buckets, so that a step of one lines up with a step of the other.
        double[] twinPoints = twinValues == null ? new double[0] : Downsampler.meanPerBucket(twinValues, bucket);
        double highest = Math.max(max(peaks), max(twinPoints));
        long top = Ticks.niceCeiling(Math.max(Math.max(yMax, (long) Math.ceil(highest)), Math.max(limit, 1)));
        double xScale = plotWidth() / (double) Math.max(xSeconds, 1);
        double yScale = plotHeight() / (double) top;

        StringBuilder svg = new StringBuilder(96 * (means.length + twinPoints.length) + 4096);
        svg.append("<svg id=\"").append(Html.escape(id)).append("\" class=\"chart chart-").append(Html.escape(kind))
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title))
                .append("\" data-points=\"").append(means.length)
                .append("\" data-seconds-per-point=\"").append(bucket)
                .append("\" data-aggregation=\"").append(bucket == 1 ? "per second" : "mean, peak band").append("\">\n");
        svg.append("<title>").append(Html.escape(title)).append("</title>\n");
        svg.append("<rect class=\"plot\" x=\"").append(LEFT).append("\" y=\"").append(TOP)
                .append("\" width=\"").append(plotWidth()).append("\" height=\"").append(plotHeight()).append("\"/>\n");
        svg.append("<text class=\"chart-title\" x=\"").append(LEFT).append("\" y=\"18\">")
                .append(Html.escape(title)).append("</text>\n");
        appendYAxis(svg, top, yScale);
        appendXAxis(svg, xScale, bucket);
        if (bucket > 1) {
            appendArea(svg, "band", peaks, bucket, xScale, yScale);
        }
        appendSeries(svg, means, bucket, xScale, yScale);
        if (limit >= 0) {
            // Under the twin: where the twin runs at the limit (a model paced exactly at it), the twin shows.
            String y = Html.coordinate(TOP + plotHeight() - limit * yScale);
            svg.append("<line class=\"limit\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth())
                    .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>\n");
            svg.append("<text class=\"limit-label\" x=\"").append(LEFT + plotWidth() - 4).append("\" y=\"")
                    .append(Html.coordinate(TOP + plotHeight() - limit * yScale - 4))
                    .append("\" text-anchor=\"end\">limit ").append(limit).append("/s</text>\n");
        }
        if (twinValues != null) {
            appendTwin(svg, twinPoints, bucket, xScale, yScale);
            appendLegend(svg);
        }
        return svg.append("</svg>\n").toString();
    }

    /** True when there is nothing to draw: no value above 0 in the series or its twin. */
    private boolean isEmpty() {
        return max(values) <= 0 && (twinValues == null || max(twinValues) <= 0);
    }

    /** The title and what it would have shown, on one line instead of an empty plot. */
    private String renderEmpty() {
        String note = values.length == 0 && (twinValues == null || twinValues.length == 0)
                ? unrecordedNote : "none in this run";
        return "<svg id=\"" + Html.escape(id) + "\" class=\"chart chart-" + Html.escape(kind) + " chart-empty\" width=\""
                + width + "\" height=\"" + EMPTY_HEIGHT + "\" viewBox=\"0 0 " + width + " " + EMPTY_HEIGHT
                + "\" role=\"img\" aria-label=\"" + Html.escape(title + ": " + note) + "\" data-empty=\"true\">\n"
                + "<title>" + Html.escape(title + ": " + note) + "</title>\n"
                + "<text class=\"chart-title\" x=\"" + LEFT + "\" y=\"17\">" + Html.escape(title)
                + "<tspan class=\"no-data\" dx=\"8\">" + note + "</tspan></text>\n</svg>\n";
    }

    private void appendSeries(StringBuilder svg, double[] points, int bucket, double xScale, double yScale) {
        if (points.length == 0) { // only the twin has values
            svg.append("<path class=\"series\" d=\"\"/>\n");
            return;
        }
        appendArea(svg, "area", points, bucket, xScale, yScale);
        String y0 = Html.coordinate(TOP + plotHeight() - points[0] * yScale);
        svg.append("<path class=\"series\" d=\"M").append(LEFT).append(' ').append(y0)
                .append(steps(points, values.length, bucket, xScale, yScale)).append("\"/>\n");
    }

    /** A filled step shape from the baseline up to {@code points}. */
    private void appendArea(StringBuilder svg, String cssClass, double[] points, int bucket, double xScale,
                            double yScale) {
        String baseline = Html.coordinate(TOP + plotHeight());
        svg.append("<path class=\"").append(cssClass).append("\" d=\"M").append(LEFT).append(' ').append(baseline)
                .append('V').append(Html.coordinate(TOP + plotHeight() - points[0] * yScale))
                .append(steps(points, values.length, bucket, xScale, yScale)).append('V').append(baseline)
                .append("Z\"/>\n");
    }

    private void appendTwin(StringBuilder svg, double[] points, int bucket, double xScale, double yScale) {
        if (points.length == 0) {
            svg.append("<path class=\"twin\" d=\"\"/>\n");
            return;
        }
        String y0 = Html.coordinate(TOP + plotHeight() - points[0] * yScale);
        svg.append("<path class=\"twin\" d=\"M").append(LEFT).append(' ').append(y0)
                .append(steps(points, twinValues.length, bucket, xScale, yScale)).append("\"/>\n");
    }

    /** One horizontal step per point: "H" to the point's end, "V" to the next point's height. */
    private StringBuilder steps(double[] points, int seconds, int bucket, double xScale, double yScale) {
        double base = TOP + plotHeight();
        StringBuilder steps = new StringBuilder(points.length * 16);
        for (int i = 0; i < points.length; i++) {
            if (i > 0) {
                steps.append('V').append(Html.coordinate(base - points[i] * yScale));
            }
            double end = LEFT + Math.min((double) (i + 1) * bucket, seconds) * xScale;
            steps.append('H').append(Html.coordinate(end));
        }
        return steps;
    }

    /** Right of the title, above the plot: a swatch drawn with each line's own class, then its name. */
    private void appendLegend(StringBuilder svg) {
        int x = LEFT + plotWidth() - LEGEND_RIGHT_GAP - 2 * LEGEND_ENTRY_WIDTH;
        svg.append("<g class=\"legend\">\n");
        appendLegendEntry(svg, x, "series", seriesLabel);
        appendLegendEntry(svg, x + LEGEND_ENTRY_WIDTH, "twin", twinLabel);
        svg.append("</g>\n");
    }

    private void appendLegendEntry(StringBuilder svg, int x, String cssClass, String label) {
        svg.append("<line class=\"").append(cssClass).append("\" x1=\"").append(x).append("\" x2=\"").append(x + 20)
                .append("\" y1=\"14\" y2=\"14\"/>");
        svg.append("<text class=\"legend-label\" x=\"").append(x + 26).append("\" y=\"18\">")
                .append(Html.escape(label)).append("</text>\n");
    }

    private void appendYAxis(StringBuilder svg, long top, double yScale) {
        svg.append("<g class=\"axis y-axis\">\n");
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(TOP + plotHeight()).append("\"/>\n");
        long step = Ticks.niceStep(top, 5);
        for (long v = 0; v <= top; v += step) {
            String y = Html.coordinate(TOP + plotHeight() - v * yScale);
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth())
                    .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y)
                    .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").append(v).append("</text>\n");
        }
        svg.append("<text class=\"axis-label\" transform=\"translate(14 ").append(TOP + plotHeight() / 2)
                .append(") rotate(-90)\" text-anchor=\"middle\">").append(Html.escape(yLabel)).append("</text>\n");
        svg.append("</g>\n");
    }

    private void appendXAxis(StringBuilder svg, double xScale, int bucket) {
        int bottom = TOP + plotHeight();
        svg.append("<g class=\"axis x-axis\">\n");
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth()).append("\" y1=\"")
                .append(bottom).append("\" y2=\"").append(bottom).append("\"/>\n");
        TimeAxis axis = TimeAxis.of(xSeconds, Math.max(2, plotWidth() / PIXELS_PER_TICK));
        for (long s : axis.ticks()) {
            double at = LEFT + s * xScale;
            String x = Html.coordinate(at);
            String anchor = at + LABEL_HALF_WIDTH > width ? "end\" x=\"" + (width - 2) : "middle\" x=\"" + x;
            svg.append("<line class=\"tick\" x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"")
                    .append(bottom).append("\" y2=\"").append(bottom + 5).append("\"/>");
            svg.append("<text y=\"").append(bottom + 18).append("\" text-anchor=\"").append(anchor).append("\">")
                    .append(axis.label(s)).append("</text>\n");
        }
        svg.append("<text class=\"axis-label\" x=\"").append(LEFT + plotWidth() / 2).append("\" y=\"")
                .append(height - 4).append("\" text-anchor=\"middle\">").append(axis.title()).append(" \u00b7 ")
                .append(aggregation(bucket)).append("</text>\n");
        svg.append("</g>\n");
    }

    /** How a point aggregates its seconds, for the x-axis title. */
    static String aggregation(int bucketSeconds) {
        return bucketSeconds == 1 ? "one point per second" : "mean per " + bucketSeconds + " s; band: peak second";
    }

    private static double max(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
