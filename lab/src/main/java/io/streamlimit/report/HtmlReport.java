package io.streamlimit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.PerSecondSeries;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.results.RunData;
import io.streamlimit.results.RunRecord;
import java.nio.file.Path;
import java.util.List;

/**
 * One run as a self-contained HTML page: the metrics table, per-second SVG charts (the share of
 * events completed, inserts against the downstream limit, events waiting, busy instances, throttles,
 * DLQ arrivals, redeliveries) and the configuration. Times print to the millisecond. Nothing is fetched when the page is opened: no scripts, fonts or images. Given
 * the run's simulated {@link Twin}, the table gets a column for it and the completed and inserts charts
 * draw it over the measurement, so where the emulator and the model disagree shows at a glance.
 *
 * <p>Chart ids: {@code chart-completed}, {@code chart-inserts}, {@code chart-backlog}, {@code chart-busy},
 * {@code chart-throttles}, {@code chart-dlq}, {@code chart-redeliveries}; each svg also has class
 * {@code chart}, and {@code chart-empty} when it had nothing to draw and is one line of text.
 */
public final class HtmlReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MetricsCalculator calculator;

    public HtmlReport() {
        this(new MetricsCalculator());
    }

    public HtmlReport(MetricsCalculator calculator) {
        this.calculator = calculator;
    }

    public String render(RunData data) {
        return render(data, calculator.compute(data));
    }

    public String render(RunData data, RunMetrics metrics) {
        return render(data, metrics, null);
    }

    /** @param twin the run's simulated twin, or null for the one-run report */
    public String render(RunData data, RunMetrics metrics, Twin twin) {
        RunRecord run = data.run();
        PerSecondSeries series = PerSecondSeries.of(data);
        StringBuilder body = new StringBuilder();
        body.append("<h1>Run ").append(Html.escape(run.runId())).append("</h1>\n");
        body.append("<p class=\"meta\">scenario <b>").append(Html.escape(run.scenario()))
                .append("</b> &middot; mode <b>").append(Html.escape(run.mode()))
                .append("</b> &middot; started ").append(Html.escape(Times.millis(run.startedAt())))
                .append(" &middot; ended ").append(Html.escape(Times.millis(run.endedAt())))
                .append(" &middot; downstream limit ").append(run.limitPerSecond()).append("/s</p>\n");
        if (twin != null) {
            body.append("<p class=\"meta twin\">simulated twin <b>").append(Html.escape(twin.data().run().runId()))
                    .append("</b>: the same scenario, number of events and AWS behaviour in the simulator's virtual time;")
                    .append(" the completed and inserts charts start each at its own first second</p>\n");
        }
        body.append("<section id=\"metrics\">\n<h2>Metrics</h2>\n")
                .append(twin == null
                        ? Page.metricsTable(List.of("Value"), List.of(metrics))
                        : Page.metricsTable(List.of("Measured", "Simulated"), List.of(metrics, twin.metrics())))
                .append("</section>\n");
        body.append("<section id=\"charts\">\n<h2>Per second</h2>\n");
        for (SvgChart chart : charts(series, twin == null ? null : PerSecondSeries.of(twin.data()), run.mode())) {
            body.append("<figure>\n").append(chart.render()).append("</figure>\n");
        }
        body.append("</section>\n");
        body.append("<section id=\"configuration\">\n<h2>Configuration</h2>\n<pre class=\"configuration\">")
                .append(Html.escape(pretty(run.configurationJson()))).append("</pre>\n</section>\n");
        return Page.frame("streamlimit run " + run.runId(), body.toString());
    }

    public Path write(RunData data, Path file) {
        return Page.write(file, render(data));
    }

    public Path write(RunData data, RunMetrics metrics, Path file) {
        return Page.write(file, render(data, metrics));
    }

    /** @param twin the run's simulated twin, or null for the one-run report */
    public Path write(RunData data, RunMetrics metrics, Twin twin, Path file) {
        return Page.write(file, render(data, metrics, twin));
    }

    /** @param twin the simulated twin's series, or null; the completed and inserts charts draw it */
    private static List<SvgChart> charts(PerSecondSeries series, PerSecondSeries twin, String mode) {
        SvgChart completed = new SvgChart("chart-completed", "completed", "Events completed over time",
                "% of events", Charts.completedPercent(series)).atLeast(0, 100);
        SvgChart inserts = new SvgChart("chart-inserts", "inserts", "DB inserts per second (dashed: downstream limit)",
                "inserts / s", series.inserts()).limit(series.limitPerSecond());
        if (twin != null) {
            completed.twin(Charts.completedPercent(twin), "measured (" + mode + ")", "simulated (model)");
            inserts.twin(twin.inserts(), "measured (" + mode + ")", "simulated (model)");
        }
        List<SvgChart> charts = new java.util.ArrayList<>(List.of(
                completed,
                inserts,
                new SvgChart("chart-backlog", "backlog", "Events waiting (published, not yet applied; peak each second)",
                        "events", series.backlog()),
                new SvgChart("chart-busy", "busy", "Busy instances (peak within each second)",
                        "instances", series.busyInstances()),
                new SvgChart("chart-throttles", "throttles", "Throttles per second", "throttles / s",
                        series.throttles()),
                new SvgChart("chart-dlq", "dlq", "DLQ arrivals per second", "messages / s",
                        series.dlqArrivals()),
                new SvgChart("chart-redeliveries", "redeliveries", "Redeliveries per second",
                        "receives / s", series.redeliveries())));
        if (series.hasKinesis()) {
            // Only the Kinesis pipeline has them: other runs' reports stay as they were.
            long[] ageMillis = series.iteratorAgeMillis();
            double[] ageSeconds = new double[ageMillis.length];
            for (int i = 0; i < ageMillis.length; i++) {
                ageSeconds[i] = ageMillis[i] / 1000.0;
            }
            charts.add(new SvgChart("chart-iterator-age", "iterator-age",
                    "Iterator age (the stream's oldest unprocessed record, sampled each second)", "seconds", ageSeconds));
            charts.add(new SvgChart("chart-shard-retries", "shard-retries",
                    "Shard-blocking retries per second (Kinesis batches retried)", "batches / s", series.shardRetries()));
        }
        return charts;
    }

    /** The configuration indented for reading; shown as stored if it is not JSON. */
    static String pretty(String json) {
        if (json == null || json.isBlank()) {
            return "(none recorded)";
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
