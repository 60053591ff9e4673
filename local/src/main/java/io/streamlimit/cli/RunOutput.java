package io.streamlimit.cli;

import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.MetricsJson;
import io.streamlimit.metrics.MetricsTable;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.report.HtmlReport;
import io.streamlimit.report.Twin;
import io.streamlimit.results.ResultsStore;
import io.streamlimit.results.RunData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What every run ends with, whatever the mode: the rows saved to the results database, the
 * metrics computed from them, printed as a table (or one JSON object), and the HTML report.
 */
final class RunOutput {

    private RunOutput() {
    }

    static RunMetrics finish(RunData data, ResultsStore store, Path reportDir, boolean json, PrintWriter out, PrintWriter err) {
        return finish(data, null, store, reportDir, json, out, err, null);
    }

    /**
     * @param twinData the simulator's prediction of this run, or null; its metrics are printed and
     *     drawn beside the measured ones but its rows are not saved: it is a prediction, not a run,
     *     and {@code streamlimit simulate} with the same seed and events reproduces it
     * @param notice told how far the saving got, for a Ctrl-C; null for none
     */
    static RunMetrics finish(RunData data, RunData twinData, ResultsStore store, Path reportDir, boolean json,
            PrintWriter out, PrintWriter err, InterruptNotice notice) {
        String runId = data.run().runId();
        if (store != null) {
            tell(notice, "run " + runId + " was interrupted while being saved; its rows may be incomplete");
        }
        // The rows are saved while the metrics and the report are computed from the same data in memory.
        CompletableFuture<Void> saving = store == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> store.saveRunData(data, new SaveProgressLine(err)));
        MetricsCalculator calculator = new MetricsCalculator();
        RunMetrics metrics = calculator.compute(data);
        Twin twin = twinData == null ? null : new Twin(twinData, calculator.compute(twinData));
        Path report = new HtmlReport().write(data, metrics, twin, reportDir.resolve(data.run().runId() + ".html"));
        if (store != null) {
            awaitSave(saving);
            store.saveSummary(data.run().runId(), metrics);
            tell(notice, "run " + runId + " was saved and its report written; only the table was not printed");
        }
        if (json) {
            out.println(twin == null ? MetricsJson.write(metrics) : MetricsJson.write(metrics, twin.metrics()));
        } else {
            out.println(twin == null ? MetricsTable.format(metrics) : MetricsTable.format(metrics, twin.metrics()));
            if (twin != null) {
                out.println("Simulated: the simulator's twin of this run (" + twin.metrics().runId() + "), not saved.");
            }
            out.println("Report: " + report.toAbsolutePath());
            if (store != null) {
                out.println("Rows saved as run " + data.run().runId() + " in the results database.");
            }
        }
        out.flush();
        err.flush();
        return metrics;
    }

    private static void tell(InterruptNotice notice, String lost) {
        if (notice != null) {
            notice.now(lost);
        }
    }

    private static void awaitSave(CompletableFuture<Void> saving) {
        try {
            saving.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
