package io.streamlimit.report;

import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.PerSecondSeries;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.results.RunData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Several runs side by side in one self-contained HTML page: the metrics with one column per run,
 * then each run's inserts chart, stacked on the same time and value scales so their shapes compare.
 *
 * <p>Chart ids: {@code chart-inserts-0}, {@code chart-inserts-1}, ... in the order given.
 */
public final class ComparisonReport {

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
        int longest = 0;
        long highest = 0;
        for (PerSecondSeries s : series) {
            longest = Math.max(longest, s.length());
            highest = Math.max(highest, Math.max(max(s.inserts()), s.limitPerSecond()));
        }
        List<String> headers = new ArrayList<>();
        for (RunData run : runs) {
            headers.add(run.run().runId() + " (" + run.run().scenario() + ", " + run.run().mode() + ")");
        }
        StringBuilder body = new StringBuilder("<h1>Comparison of ").append(runs.size()).append(" runs</h1>\n");
        body.append("<section id=\"metrics\">\n<h2>Metrics</h2>\n")
                .append(Page.metricsTable(headers, metrics)).append("</section>\n");
        body.append("<section id=\"charts\">\n<h2>DB inserts per second</h2>\n");
        for (int i = 0; i < runs.size(); i++) {
            PerSecondSeries s = series.get(i);
            SvgChart chart = new SvgChart("chart-inserts-" + i, "inserts", headers.get(i), "inserts / s", s.inserts())
                    .limit(s.limitPerSecond())
                    .atLeast(longest, highest);
            body.append("<figure>\n").append(chart.render()).append("</figure>\n");
        }
        body.append("</section>\n");
        return Page.frame("streamlimit comparison of " + runs.size() + " runs", body.toString());
    }

    public Path write(List<RunData> runs, Path file) {
        return Page.write(file, render(runs));
    }

    public Path write(List<RunData> runs, List<RunMetrics> metrics, Path file) {
        return Page.write(file, render(runs, metrics));
    }

    private static long max(long[] values) {
        long max = 0;
        for (long v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
