package io.streamlimit.cli;

import io.streamlimit.local.results.ResultsDatabase;
import io.streamlimit.metrics.SeedSpread;
import io.streamlimit.metrics.SeedSpreadJson;
import io.streamlimit.metrics.SeedSpreadTable;
import io.streamlimit.results.ResultsStore;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.sim.SeedRuns;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.SimulationResult;
import io.streamlimit.sim.Simulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code streamlimit simulate SCENARIO.yaml}: the same scenario in virtual time, in milliseconds. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {
            "Simulates a scenario in virtual time (SNS, SQS, the event source mapping, Lambda scaling,",
            "throttles, the downstream limit), prints the metrics and writes the HTML report.",
            "The same seed gives the same result, byte for byte."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario file, e.g. scenarios/03-sqs-rc1-low-visibility.yaml")
    Path scenarioFile;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}); with --seeds, the first.")
    long seed;

    @Option(names = "--seeds", paramLabel = "N",
            description = {"Simulate with N consecutive seeds and print each metric's median, smallest and largest",
                "value (1 to " + SeedRuns.MAX_SEEDS + "); saves no rows and writes no report."})
    Integer seeds;

    @Option(names = "--events", paramLabel = "N", description = "Simulate N events instead of the scenario's total.")
    Integer events;

    @Option(names = "--json", description = "Print one JSON object with the metrics instead of the table.")
    boolean json;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Where the HTML report goes (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--no-save", description = "Do not write the rows to the results database.")
    boolean noSave;

    @Mixin
    ResultsOptions results;

    @Mixin
    AwsProfileOption awsProfile;

    @Override
    public Integer call() {
        Preflight preflight = new Preflight(spec);
        preflight.events("--events", events);
        if (seeds != null && (seeds < 1 || seeds > SeedRuns.MAX_SEEDS)) {
            throw new UserError("--seeds: must be 1 to " + SeedRuns.MAX_SEEDS + ", got " + seeds);
        }
        AwsProfileOption.Loaded loaded = awsProfile.load(scenarioFile);
        Scenario scenario = loaded.scenario();
        PrintWriter err = spec.commandLine().getErr();
        if (seeds != null) {
            SeedRuns.Runs runs = SeedRuns.simulateWithStats(scenario,
                    new SimulationOptions(seed, events, null, loaded.behaviour()), seeds);
            SeedSpread spread = runs.spread();
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? SeedSpreadJson.write(spread) + "\n" : SeedSpreadTable.format(spread));
            if (!json) {
                out.println(runs.orderViolationsLine());
            }
            out.flush();
            return 0;
        }
        ResultsOptions.Choice database = null;
        if (!noSave) {
            results.check(preflight);
        }
        preflight.outputDirectory("--report-dir", reportDir);
        if (!noSave) {
            database = results.choose(err);
        }
        // A run id derived from the inputs: simulating again replaces the same run.
        String runId = "sim-" + scenario.name() + "-seed" + seed + (events == null ? "" : "-events" + events)
                + AwsProfileOption.runIdPart(scenario.awsProfile());
        SimulationOptions options = new SimulationOptions(seed, events, runId, loaded.behaviour());
        try (InterruptNotice notice = new InterruptNotice(err, "run " + runId + " was interrupted and not saved")) {
            Supplier<SimulationResult> simulation = () ->
                    Simulator.run(scenario, options, new SimulationProgressLine(err, System.console() != null));
            if (database == null) {
                RunOutput.finish(simulation.get().runData(), null, null, reportDir, json, spec.commandLine().getOut(), err, notice);
                return 0;
            }
            SimulationResult result;
            ResultsDatabase db;
            if (OpeningResults.worthOpeningEarly(database)) {
                try (OpeningResults opening = new OpeningResults(database)) {
                    result = simulation.get();
                    db = opening.await();
                }
            } else {
                result = simulation.get();
                db = ResultsOptions.open(database);
            }
            try (db) {
                ResultsStore store = new ResultsStore(db.dataSource());
                store.createSchema();
                store.deleteRun(runId);
                RunOutput.finish(result.runData(), null, store, reportDir, json, spec.commandLine().getOut(), err, notice);
            }
        }
        return 0;
    }
}
