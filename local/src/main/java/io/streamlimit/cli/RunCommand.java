package io.streamlimit.cli;

import io.streamlimit.aws.AwsBehaviour;
import io.streamlimit.local.run.LocalRun;
import io.streamlimit.local.run.LocalRunOptions;
import io.streamlimit.local.run.StackWarmUp;
import io.streamlimit.local.stack.LocalStack;
import io.streamlimit.local.stack.LocalStackOptions;
import io.streamlimit.results.RunData;
import io.streamlimit.scenario.Pipeline;
import io.streamlimit.scenario.Scenario;
import io.streamlimit.sim.SimulationOptions;
import io.streamlimit.sim.Simulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code streamlimit run SCENARIO.yaml}: the whole pipeline, on the embedded services, in wall-clock time. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Runs a scenario end to end on the local stack (ElasticMQ, dynalite, embedded PostgreSQL,",
            "the local SNS topic and the Lambda emulator), prints the metrics and writes the HTML report.",
            "Beside each measured value it prints the simulator's prediction of the same run (its twin),",
            "so where the emulator and the model disagree shows at once."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario file, e.g. scenarios/recommended.yaml")
    Path scenarioFile;

    @Option(names = "--json", description = "Print one JSON object with the metrics instead of the table.")
    boolean json;

    @Option(names = "--events", paramLabel = "N", description = "Send N events instead of the scenario's total.")
    Integer events;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Random seed of the simulated twin (default: ${DEFAULT-VALUE}); the local run draws no random numbers.")
    long seed;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "reports",
            description = "Where the HTML report goes (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--max-minutes", paramLabel = "M", defaultValue = "120",
            description = "Stop after M minutes; unfinished events count as failed (default: ${DEFAULT-VALUE}).")
    int maxMinutes;

    @Mixin
    ResultsOptions results;

    @Mixin
    AwsProfileOption awsProfile;

    @Override
    public Integer call() throws Exception {
        Preflight preflight = new Preflight(spec);
        preflight.events("--events", events);
        preflight.atLeast("--max-minutes", maxMinutes, 1);
        AwsProfileOption.Loaded loaded = awsProfile.load(scenarioFile);
        Scenario scenario = loaded.scenario();
        results.check(preflight);
        preflight.outputDirectory("--report-dir", reportDir);
        var err = spec.commandLine().getErr();
        ResultsOptions.Choice database = results.choose(err);
        Clock clock = Clock.systemUTC();
        String runId = RunIds.next("local", clock);
        // One behaviour for the run and its twin: the twin predicts the run only if both model the same AWS.
        AwsBehaviour behaviour = loaded.behaviour();
        try (InterruptNotice notice = new InterruptNotice(err, "run " + runId + " was interrupted and not saved")) {
            // The twin first: it takes about a second, and alongside the run it would take CPU from the measurement.
            RunData twin = Simulator.run(scenario, new SimulationOptions(seed, events, runId + "-twin", behaviour)).runData();
            err.println("Starting the local stack for run " + runId + " (" + scenario.name() + ")...");
            LocalStackOptions stackOptions = ResultsOptions.stackOptions(database);
            if (scenario.pipeline() == Pipeline.API_KINESIS_LAMBDA) {
                // The local Kinesis (kinesis-local) only when the scenario needs it: it takes seconds to start.
                stackOptions = stackOptions.withKinesis(0, scenario.stream().shards());
            }
            try (LocalStack stack = LocalStack.start(stackOptions)) {
                err.println("Warming the stack up (JIT, first connections; not on the run's clock)...");
                StackWarmUp.run(stack, clock);
                ProgressBar progress = new ProgressBar(err, System.console() != null);
                LocalRunOptions options = new LocalRunOptions(runId, events, Duration.ofSeconds(1), 64, 32, Duration.ofMinutes(maxMinutes));
                LocalRun.Result result = new LocalRun(stack, behaviour, clock, progress).run(scenario, options);
                progress.finish();
                RunOutput.finish(result.data(), twin, stack.results(), reportDir, json, spec.commandLine().getOut(), err, notice);
            }
        }
        return 0;
    }
}
