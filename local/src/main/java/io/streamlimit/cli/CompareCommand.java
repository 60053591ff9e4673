package io.streamlimit.cli;

import io.streamlimit.local.results.ResultsDatabase;
import io.streamlimit.metrics.MetricsCalculator;
import io.streamlimit.metrics.MetricsTable;
import io.streamlimit.metrics.RunMetrics;
import io.streamlimit.report.ComparisonReport;
import io.streamlimit.results.ResultsStore;
import io.streamlimit.results.RunData;
import io.streamlimit.results.RunNotFoundException;
import io.streamlimit.results.RunRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamlimit compare RUN...}: runs side by side, from the results database. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Shows saved runs side by side: one metrics column per run, and an HTML report with their charts.",
            "Without RUN ids it lists the saved runs."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN", arity = "0..*", description = "Run ids, as printed by run and simulate.")
    List<String> runIds = new ArrayList<>();

    @Option(names = "--report", paramLabel = "FILE", defaultValue = "reports/comparison.html",
            description = "Where the comparison report goes (default: ${DEFAULT-VALUE}).")
    Path report;

    @Mixin
    ResultsOptions results;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Preflight preflight = new Preflight(spec);
        results.check(preflight);
        if (!runIds.isEmpty()) {
            preflight.outputFile("--report", report, null, true);
        }
        try (ResultsDatabase database = results.open(err)) {
            ResultsStore store = new ResultsStore(database.dataSource());
            store.createSchema();
            if (runIds.isEmpty()) {
                out.printf("%-45s %-32s %-9s %s%n", "RUN", "SCENARIO", "MODE", "EVENTS");
                for (RunRecord run : store.listRuns()) {
                    out.printf("%-45s %-32s %-9s %d%n", run.runId(), run.scenario(), run.mode(), run.totalEvents());
                }
                return 0;
            }
            List<RunData> runs = new ArrayList<>();
            List<RunMetrics> metrics = new ArrayList<>();
            MetricsCalculator calculator = new MetricsCalculator();
            for (String runId : runIds) {
                // A run of 100,000 events takes seconds to load: say which one is loading.
                err.printf("Loading run %s (%d of %d)...%n", runId, runs.size() + 1, runIds.size());
                err.flush();
                try {
                    RunData data = store.loadRun(runId);
                    runs.add(data);
                    metrics.add(calculator.compute(data));
                } catch (RunNotFoundException e) {
                    throw new UserError("RUN: no run '" + runId + "' in the results database (run 'streamlimit compare' to list them)");
                }
            }
            out.println(MetricsTable.format(metrics, runIds));
            out.flush();
            err.println("Drawing the comparison report...");
            err.flush();
            Path written = new ComparisonReport(calculator).write(runs, metrics, report);
            out.println("Report: " + written.toAbsolutePath());
        }
        return 0;
    }
}
