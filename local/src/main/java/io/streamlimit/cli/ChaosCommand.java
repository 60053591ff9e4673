package io.streamlimit.cli;

import io.streamlimit.local.chaos.ChaosOptions;
import io.streamlimit.local.chaos.ChaosReport;
import io.streamlimit.local.chaos.ChaosRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code streamlimit chaos}: the ledger and the pipeline under injected faults, with a history check. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
        description = {
            "Runs the ledger and the event pipelines on the local stack while injecting faults. SNS -> SQS ->",
            "Lambda: duplicate deliveries, visibility timeouts expiring mid-batch, consumer exceptions and",
            "timeouts, the local DynamoDB stopped and restarted, poison messages, closes before opens, players that",
            "never close and acquire storms. SNS -> Lambda (async invocation): duplicates the async queue makes,",
            "throttles, function errors with their two retries, the maximum event age and the on-failure DLQ.",
            "SNS FIFO -> SQS FIFO -> Lambda and API -> Kinesis -> Lambda (PutRecords put twice, crashes",
            "mid-batch blocking their shard, a poisoned uid given up to the on-failure queue): each uid's order too.",
            "Checks every answer and the final ledger against a model of the ledger's invariants and prints,",
            "per pipeline, the operations run, the faults injected per kind and the violations found, then the",
            "DLQs with reasons. Exits 1 if any invariant was violated. The consumer's log goes to stderr."})
final class ChaosCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--minutes", paramLabel = "N",
            description = "Keep starting rounds for N minutes (default: one short round, the CI profile).")
    Long minutes;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Where the local DynamoDB keeps its tables across restarts (default: a temporary directory).")
    Path data;

    @Override
    public Integer call() throws Exception {
        if (minutes != null && (minutes < 1 || minutes > 24 * 60)) {
            throw new UserError("--minutes: must be 1 to 1440, got " + minutes);
        }
        ChaosOptions options = minutes == null ? ChaosOptions.ci(seed) : ChaosOptions.forMinutes(minutes, seed);
        if (data != null) {
            options = options.withDataDir(data);
        }
        PrintWriter out = spec.commandLine().getOut();
        ChaosReport report = ChaosRun.run(options, out);
        report.print(out);
        return report.passed() ? 0 : 1;
    }
}
