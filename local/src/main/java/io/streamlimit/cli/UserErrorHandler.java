package io.streamlimit.cli;

import picocli.CommandLine;

/**
 * Turns exceptions into one clear line: {@link UserError} and {@link IllegalArgumentException}
 * (bad input, named by the message) exit with 2; anything else is a bug and exits with 1.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

    static final int USER_ERROR = 2;
    /** What a shell reports for a command ended by Ctrl-C (128 + SIGINT). */
    static final int INTERRUPTED = 130;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
        if (InterruptNotice.interrupted()) {
            return INTERRUPTED;
        }
        if (ex instanceof UserError || ex instanceof IllegalArgumentException) {
            cli.getErr().println("error: " + oneLine(ex.getMessage()));
            cli.getErr().flush();
            return USER_ERROR;
        }
        cli.getErr().println("internal error: " + oneLine(String.valueOf(ex)));
        cli.getErr().flush();
        return 1;
    }

    /** A message whose own line breaks (a library's multi-line text) would break the one-line promise. */
    static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
