package io.streamlimit.cli;

import io.streamlimit.local.results.ResultsDatabase;
import io.streamlimit.results.ResultsStore;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.SimulationResult;
import io.streamlimit.sim.Simulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

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
        if (events != null && events < 1) {
            throw new UserError("--events: must be 1 or more, got " + events);
        }
        AwsProfileOption.Loaded loaded = awsProfile.load(scenarioFile);
        Scenario scenario = loaded.scenario();
        // A run id derived from the inputs: simulating again replaces the same run.
        String runId = "sim-" + scenario.name() + "-seed" + seed + (events == null ? "" : "-events" + events)
                + AwsProfileOption.runIdPart(scenario.awsProfile());
        SimulationOptions options = new SimulationOptions(seed, events, runId, loaded.behaviour());
        PrintWriter err = spec.commandLine().getErr();
        SimulationResult result = Simulator.run(scenario, options, progress -> {
            if (progress.finished() || progress.total() >= 100_000) {
                err.printf("simulated %,d of %,d events (%,d s of virtual time)%s%n", progress.resolved(),
                        progress.total(), progress.virtualMillis() / 1000, progress.finished() ? ", done" : "");
            }
        });
        if (noSave) {
            RunOutput.finish(result.runData(), null, reportDir, json, spec.commandLine().getOut(), err);
            return 0;
        }
        try (ResultsDatabase database = results.open()) {
            ResultsStore store = new ResultsStore(database.dataSource());
            store.createSchema();
            store.deleteRun(runId);
            RunOutput.finish(result.runData(), store, reportDir, json, spec.commandLine().getOut(), err);
        }
        return 0;
    }
}
