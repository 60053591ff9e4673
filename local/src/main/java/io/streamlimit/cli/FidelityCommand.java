package io.streamlimit.cli;

import io.streamlimit.fidelity.Fidelity;
import io.streamlimit.fidelity.FidelityJson;
import io.streamlimit.fidelity.FidelityReport;
import io.streamlimit.fidelity.FidelitySpread;
import io.streamlimit.fidelity.FidelitySpreadTable;
import io.streamlimit.fidelity.FidelityTable;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamlimit fidelity}: the simulator against the real AWS runs, figure by figure. */
@Command(name = "fidelity", mixinStandardHelpOptions = true,
        description = {
            "Simulates the real AWS runs of the original experiments (2020, eu-west-1: the three consumers",
            "of the 2020-06-07 trace and the published runs 02, 03 and 05) and a lone throttled async event",
            "measured in 2025, and compares each figure with the real one: real, simulated, error in percent,",
            "acceptance band. See docs/FIDELITY.md.",
            "A measurement: the exit code is 0 even when figures fall outside their bands."})
final class FidelityCommand implements Callable<Integer> {

    /** A hundred seeds take about 10 s on two cores. */
    private static final int MAX_SEEDS = 100;

    @Spec
    CommandSpec spec;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed of the simulations (default: ${DEFAULT-VALUE}); with --seeds, the first.")
    long seed;

    @Option(names = "--seeds", defaultValue = "1", paramLabel = "N",
            description = {"Simulate every case with N consecutive seeds and print, per figure, the smallest, median and",
                "largest simulated value and in how many seeds it was inside its band (default: ${DEFAULT-VALUE})."})
    int seeds;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        if (seeds < 1 || seeds > MAX_SEEDS) {
            throw new UserError("--seeds: must be 1 to " + MAX_SEEDS + ", got " + seeds);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (seeds > 1) {
            FidelitySpread spread = Fidelity.standard().measure(seed, seeds);
            out.print(json ? FidelityJson.write(spread) + "\n" : FidelitySpreadTable.format(spread));
            out.flush();
            return 0;
        }
        FidelityReport report = Fidelity.standard().measure(seed);
        if (json) {
            out.println(FidelityJson.write(report));
        } else {
            out.print(FidelityTable.format(report));
            if (!report.allPassed()) {
                out.println("Figures marked NO are outside their bands; this is a measurement, so the exit code is 0 all the same.");
            }
        }
        out.flush();
        return 0;
    }
}
