package io.streamlimit.cli;

import io.streamlimit.local.bench.Bench;
import io.streamlimit.local.bench.BenchReport;
import io.streamlimit.local.bench.BenchResults;
import io.streamlimit.local.bench.BenchSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamlimit bench}: the performance figures, as ratios measured in one run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {
            "Measures on loopback, in one run: raw dynalite (conditional writes/s, GetItem latency), the ledger,",
            "the local pipeline end to end, the check API over HTTP at a fixed rate, the simulator and the tracker;",
            "prints the figures, their ratios and the performance targets. Progress goes to standard error."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object with the figures instead of the table.")
    boolean json;

    @Option(names = "--quick", description = "Shorter measurements: under a minute, noisier figures.")
    boolean quick;

    @Override
    public Integer call() throws Exception {
        BenchSettings settings = quick ? BenchSettings.quickRun() : BenchSettings.full();
        BenchResults results = new Bench(settings, spec.commandLine().getErr()).run();
        var out = spec.commandLine().getOut();
        out.print(json ? BenchReport.json(results) + System.lineSeparator() : BenchReport.table(results));
        out.flush();
        return 0;
    }
}
