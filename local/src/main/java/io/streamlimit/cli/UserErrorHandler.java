package io.streamlimit.cli;

import picocli.CommandLine;

/**
 * Turns exceptions into one clear line: {@link UserError} and {@link IllegalArgumentException}
 * (bad input, named by the message) exit with 2; anything else is a bug and exits with 1.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

    static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        if (ex instanceof UserError || ex instanceof IllegalArgumentException) {
            cli.getErr().println("error: " + ex.getMessage());
            return USER_ERROR;
        }
        cli.getErr().println("internal error: " + ex);
        return 1;
    }
}
