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
}
