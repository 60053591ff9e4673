package io.streamlimit.cli;

import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.MetricsJson;
import io.streamlimit.metrics.MetricsTable;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.report.HtmlReport;
import io.streamlimit.results.ResultsStore;
import io.streamlimit.results.RunData;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What every run ends with, whatever the mode: the rows saved to the results database, the
 * metrics computed from them, printed as a table (or one JSON object), and the HTML report.
 */
final class RunOutput {

    private RunOutput() {
    }

    static RunMetrics finish(RunData data, ResultsStore store, Path reportDir, boolean json, PrintWriter out, PrintWriter err) {
        RunMetrics metrics = new MetricsCalculator().compute(data);
        if (store != null) {
            store.saveRunData(data);
            store.saveSummary(data.run().runId(), metrics);
        }
        Path report = new HtmlReport().write(data, metrics, reportDir.resolve(data.run().runId() + ".html"));
        if (json) {
            out.println(MetricsJson.write(metrics));
        } else {
            out.println(MetricsTable.format(metrics));
            out.println("Report: " + report.toAbsolutePath());
            if (store != null) {
                out.println("Rows saved as run " + data.run().runId() + " in the results database.");
            }
        }
        out.flush();
        err.flush();
        return metrics;
    }
}
