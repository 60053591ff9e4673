package io.streamlimit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code streamlimit} command: one subcommand class per job. */
@Command(
        name = "streamlimit",
        mixinStandardHelpOptions = true,
        version = "streamlimit 0.1.0",
        description = "Per-viewer stream limits, and a laboratory for feeding spiky event streams into rate-limited APIs.",
        subcommands = {
            CommandLine.HelpCommand.class,
            TrackerCommand.class,
            RunCommand.class,
            UpCommand.class,
            SimulateCommand.class,
            FidelityCommand.class,
            CalibrateCommand.class,
            CompareCommand.class,
            ImportAwsCommand.class,
            RecommendCommand.class,
            ChaosCommand.class,
            BenchCommand.class,
            SchemaCommand.class,
        })
public final class StreamlimitCli implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No command given: the usage, on standard error since it is not what was asked for, and exit code 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().flush();
        return UserErrorHandler.USER_ERROR;
    }

    /** Builds the command line with the project's error handling: bad arguments exit 2 with a message, never a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new StreamlimitCli());
        cli.setExecutionExceptionHandler(new UserErrorHandler());
        cli.setParameterExceptionHandler(new OneLineParameterErrors());
        CommandSummaries.install(cli);
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
