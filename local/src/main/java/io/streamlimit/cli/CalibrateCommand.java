package io.streamlimit.cli;

import io.streamlimit.aws.AwsProfiles;
import io.streamlimit.calibration.Calibration;
import io.streamlimit.calibration.CalibrationOptions;
import io.streamlimit.calibration.Calibrator;
import io.streamlimit.calibration.FitTable;
import io.streamlimit.calibration.ObservedRun;
import io.streamlimit.calibration.ProfileWriter;
import io.streamlimit.fidelity.TraceReader;
import io.streamlimit.local.results.ResultsDatabase;
import io.streamlimit.results.InvocationRow;
import io.streamlimit.results.ResultsStore;
import io.streamlimit.results.RunRecord;
import io.streamlimit.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamlimit calibrate}: the model's fitted parameters, fitted to the user's own AWS run. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {
            "Fits the model's fitted AWS parameters to a real run of your own: simulates the",
            "scenario that describes the run, compares the same figures (start-gap quantiles,",
            "first-to-last start, DLQ losses, share-started curve) with the real rows, searches",
            "the parameters the run can identify, prints the fit and writes a profile file for",
            "--aws-profile. The real rows: --trace, a CSV export of the invocations table with",
            "the header " + TraceReader.HEADER + ",",
            "or --run, a run saved in the results database. See docs/FIDELITY.md."})
final class CalibrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--trace", paramLabel = "FILE.csv", description = "The real run's rows as a trace CSV.")
    Path trace;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "The real run's rows from the results database (instead of --trace).")
    String runId;

    @Option(names = "--scenario", required = true, paramLabel = "FILE.yaml",
            description = "The scenario that describes the real run's configuration; its awsProfile is the starting behaviour.")
    Path scenarioFile;

    @Option(names = "--group", paramLabel = "ID", description = "The group_id (consumer) to fit; required when the rows have several.")
    String group;

    @Option(names = "--out", required = true, paramLabel = "PROFILE.yaml", description = "Where to write the fitted profile.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "First simulator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", defaultValue = "" + CalibrationOptions.DEFAULT_SEEDS, paramLabel = "N",
            description = "Seeds averaged at each point (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Mixin
    ResultsOptions results;

    @Mixin
    AwsProfileOption awsProfile;

    /** Dates the profile's header; a field so that a test can fix it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        if ((trace == null) == (runId == null)) {
            throw new UserError("--trace or --run: give exactly one, the real run's rows"
                    + (trace == null ? "" : " (got both)"));
        }
        if (seeds < 1) {
            throw new UserError("--seeds: must be 1 or more, got " + seeds);
        }
        Path directory = out.toAbsolutePath().getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            throw new UserError("--out: no such directory: " + directory);
        }
        AwsProfileOption.Loaded loaded = awsProfile.load(scenarioFile);
        Scenario scenario = loaded.scenario();
        String startProfile = awsProfile.profile != null ? awsProfile.profile
                : scenario.awsProfile() != null ? scenario.awsProfile() : AwsProfiles.CURRENT;
        ObservedRun run;
        if (trace != null) {
            run = ObservedRun.fromTrace(TraceReader.read(trace), group);
        } else {
            Saved saved = savedRun();
            run = saved.run();
            if (saved.published() != null) {
                // The run's own record says how many events it published (a run of --events 100 of
                // a 1,000-event scenario published 100); the scenario's total would count the rest as lost.
                scenario = scenario.withEventsTotal(Math.toIntExact(saved.published()));
            }
        }

        long started = System.nanoTime();
        Calibration calibration = Calibrator.calibrate(scenario, loaded.behaviour(), run,
                new CalibrationOptions(seed, seeds));
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter stdout = spec.commandLine().getOut();
        if (!calibration.accepted()) {
            stdout.print(FitTable.format(calibration, startProfile));
            stdout.flush();
            throw new UserError("no fit: " + calibration.rejection() + "; nothing written to " + out);
        }
        String profile = ProfileWriter.text(calibration, startProfile, LocalDate.now(clock));
        try {
            Files.writeString(out, profile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("--out: cannot write " + out + ": " + e.getMessage(), e);
        }
        stdout.print(FitTable.format(calibration, startProfile));
        stdout.printf(Locale.ROOT, "%nCalibrated in %.1f s. Wrote %s: simulate with --aws-profile %s%n", seconds, out, out);
        stdout.flush();
        return 0;
    }

    /** A saved run's rows, and the events it published when it has a {@code runs} row (else null). */
    private record Saved(ObservedRun run, Long published) {
    }

    /**
     * A run's rows from the results database. A run in AWS has rows but no runs record, so the rows
     * decide which events there are; a run with a record (a local or simulated one) also says how
     * many it published.
     */
    private Saved savedRun() {
        try (ResultsDatabase database = results.open(spec.commandLine().getErr())) {
            ResultsStore store = new ResultsStore(database.dataSource());
            store.createSchema();
            List<InvocationRow> rows = store.loadInvocations(runId);
            if (rows.isEmpty()) {
                throw new UserError("--run: no invocations rows for run '" + runId
                        + "' in the results database (run 'streamlimit compare' to list saved runs)");
            }
            Long published = store.listRuns().stream().filter(record -> record.runId().equals(runId))
                    .map(RunRecord::totalEvents).findFirst().orElse(null);
            return new Saved(ObservedRun.fromRows("run " + runId, rows, group), published);
        }
    }
}
