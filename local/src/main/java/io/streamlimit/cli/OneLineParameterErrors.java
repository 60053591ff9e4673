package io.streamlimit.cli;

import picocli.CommandLine;

/**
 * A bad flag or argument, whether picocli found it while parsing or a command's own checks did
 * before starting any work: one line naming it, exit code 2, no usage screen to scroll past.
 */
final class OneLineParameterErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        if (unknownCommand(ex, cli)) {
            String given = ((CommandLine.UnmatchedArgumentException) ex).getUnmatched().get(0);
            cli.getErr().println("error: unknown command '" + given + "'; the commands are "
                    + String.join(", ", cli.getSubcommands().keySet()) + " (see 'streamlimit help')");
            cli.getErr().flush();
            return UserErrorHandler.USER_ERROR;
        }
        String message = "error: " + UserErrorHandler.oneLine(ex.getMessage());
        if (ex instanceof CommandLine.UnmatchedArgumentException || ex instanceof CommandLine.MissingParameterException) {
            // picocli's own parse errors: say where the options are listed
            String command = cli.getCommandSpec().qualifiedName(" ");
            message += " (see '" + command.replaceFirst("^streamlimit ", "streamlimit help ") + "')";
        }
        cli.getErr().println(message);
        cli.getErr().flush();
        return UserErrorHandler.USER_ERROR;
    }

    /** A first word that is no command of the root: picocli calls it an unmatched argument at index 0. */
    private static boolean unknownCommand(CommandLine.ParameterException ex, CommandLine cli) {
        return ex instanceof CommandLine.UnmatchedArgumentException unmatched && cli.getParent() == null
                && !cli.getSubcommands().isEmpty() && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")
                && cli.getParseResult() != null && cli.getParseResult().subcommand() == null;
    }
}
