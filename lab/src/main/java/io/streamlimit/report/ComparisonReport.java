package io.streamlimit.report;

import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.PerSecondSeries;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.results.RunData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Several runs side by side in one self-contained HTML page: the metrics with one column per run,
 * then small multiples of the share completed over time, inserts, events waiting, throttles, DLQ
 * arrivals and redeliveries per second, one panel
 * per run, each on its own time and value axes, so that a 1/s run beside a 50/s one, or a 30 s run
 * beside a day-long one, both show their shape. A series a run did not record (a run of rows only,
 * without pipeline events) says "not recorded for this run", and one with nothing to draw "none in this
 * run", each on one line instead of an empty full-height panel.
 *
 * <p>Chart ids: {@code chart-<kind>-<n>} with kind {@code completed}, {@code inserts}, {@code backlog},
 * {@code throttles}, {@code dlq} or {@code redeliveries} and n the run's position, in the order given.
 */
public final class ComparisonReport {

    private static final int PANEL_WIDTH = 480;
    private static final int PANEL_HEIGHT = 220;
    /** What fits left of the limit's label in a panel's title line, at the title's font size. */
    private static final int TITLE_CHARS = 44;

    /** One row of panels: what it shows and where its values come from. */
    private record Kind(String kind, String heading, String yLabel, boolean fromPipelineEvents,
                        Function<PerSecondSeries, double[]> values) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("completed", "Events completed over time", "% of events", false, Charts::completedPercent),
            new Kind("inserts", "DB inserts per second (dashed: downstream limit)", "inserts / s", false,
                    s -> Downsampler.toDoubles(s.inserts())),
            new Kind("backlog", "Events waiting (published, not yet applied; peak each second)", "events", false,
                    s -> Downsampler.toDoubles(s.backlog())),
            new Kind("throttles", "Throttles per second", "throttles / s", true, s -> Downsampler.toDoubles(s.throttles())),
            new Kind("dlq", "DLQ arrivals per second", "messages / s", true, s -> Downsampler.toDoubles(s.dlqArrivals())),
            new Kind("redeliveries", "Redeliveries per second", "receives / s", true,
                    s -> Downsampler.toDoubles(s.redeliveries())));

    private final MetricsCalculator calculator;

    public ComparisonReport() {
        this(new MetricsCalculator());
    }

    public ComparisonReport(MetricsCalculator calculator) {
        this.calculator = calculator;
    }

    public String render(List<RunData> runs) {
        return render(runs, runs.stream().map(calculator::compute).toList());
    }

    /** @param metrics the metrics of each run, in the same order */
    public String render(List<RunData> runs, List<RunMetrics> metrics) {
        if (runs.size() != metrics.size()) {
            throw new IllegalArgumentException(runs.size() + " runs but " + metrics.size() + " metrics");
        }
        List<PerSecondSeries> series = runs.stream().map(PerSecondSeries::of).toList();
        List<String> headers = new ArrayList<>();
        for (RunData run : runs) {
            headers.add(run.run().runId() + " (" + run.run().scenario() + ", " + run.run().mode() + ")");
        }
        StringBuilder body = new StringBuilder("<h1>Comparison of ").append(runs.size()).append(" runs</h1>\n");
        body.append("<section id=\"metrics\">\n<h2>Metrics</h2>\n")
                .append(Page.metricsTable(headers, metrics)).append("</section>\n");
        body.append("<section id=\"charts\">\n<p class=\"meta scales\">One panel per run, each on its own scales:"
                + " compare shapes, and read values off each panel's axes.</p>\n");
        for (Kind kind : KINDS) {
            body.append("<h2>").append(Html.escape(kind.heading())).append("</h2>\n<div class=\"panels\">\n");
            for (int i = 0; i < runs.size(); i++) {
                RunData run = runs.get(i);
                body.append("<figure>\n").append(panel(kind, i, panelTitle(run.run().runId()), run, series.get(i)).render())
                        .append("<figcaption>").append(Html.escape(headers.get(i))).append("</figcaption>\n</figure>\n");
            }
            body.append("</div>\n");
        }
        body.append("</section>\n");
        return Page.frame("streamlimit comparison of " + runs.size() + " runs", body.toString());
    }

    /** The run id, shortened with an ellipsis to fit above a panel; the caption below has it whole. */
    static String panelTitle(String runId) {
        return runId.length() <= TITLE_CHARS ? runId : runId.substring(0, TITLE_CHARS - 1) + "\u2026";
    }

    private static SvgChart panel(Kind kind, int index, String header, RunData run, PerSecondSeries series) {
        boolean recorded = !kind.fromPipelineEvents() || !run.pipelineEvents().isEmpty();
        SvgChart chart = new SvgChart("chart-" + kind.kind() + "-" + index, kind.kind(), header, kind.yLabel(),
                recorded ? kind.values().apply(series) : new double[0])
                .size(PANEL_WIDTH, PANEL_HEIGHT)
                .atLeast(series.length(), kind.kind().equals("completed") ? 100 : 0)
                .whenUnrecorded("not recorded for this run");
        if (kind.kind().equals("inserts") && series.limitPerSecond() > 0) {
            chart.limit(series.limitPerSecond());
        }
        return chart;
    }

    public Path write(List<RunData> runs, Path file) {
        return Page.write(file, render(runs));
    }

    public Path write(List<RunData> runs, List<RunMetrics> metrics, Path file) {
        return Page.write(file, render(runs, metrics));
    }
}
