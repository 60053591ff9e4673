package io.streamlimit.cli;

import io.streamlimit.local.results.ResultsDatabase;
import io.streamlimit.local.stack.LocalStackOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where results go: the user's own server, the database of a running {@code streamlimit up} on the
 * same results directory, or an embedded PostgreSQL of the command's own.
 */
final class ResultsOptions {

    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = ".streamlimit/results",
            description = "Data directory of the embedded PostgreSQL that keeps the results (default: ${DEFAULT-VALUE}).")
    Path resultsDir;

    @Option(names = "--results-jdbc", paramLabel = "URL",
            description = "Use your own PostgreSQL instead, e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=me&password=secret")
    String resultsJdbc;

    /** The database a command uses, chosen before it starts any work. */
    record Choice(String jdbcUrl, Path embeddedDir, String description) {
    }

    /** Refuses a --results-jdbc that is not PostgreSQL or does not answer, before any work starts. */
    void check(Preflight preflight) {
        if (resultsJdbc == null) {
            return;
        }
        if (!resultsJdbc.startsWith("jdbc:postgresql:")) {
            throw preflight.error("--results-jdbc: must be a jdbc:postgresql: URL, got " + resultsJdbc);
        }
        String problem = ResultsProbe.problem(resultsJdbc);
        if (problem != null) {
            throw preflight.error("--results-jdbc: cannot connect to " + withoutPassword(resultsJdbc) + " (" + problem + ")");
        }
    }

    /** The URL as it may be printed: a password in it is masked. */
    static String withoutPassword(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    /**
     * Chooses the database and says which on {@code err} in one line: --results-jdbc; else the
     * running {@code up}'s; else the embedded one in --results-dir; else, when another command
     * holds that directory, an embedded one in a directory of this process's own.
     */
    Choice choose(PrintWriter err) {
        Choice choice;
        Optional<UpState> up = Optional.empty();
        if (resultsJdbc != null) {
            choice = new Choice(resultsJdbc, null, "your PostgreSQL (--results-jdbc)");
        } else if ((up = UpState.running(resultsDir)).isPresent()) {
            choice = new Choice(up.get().jdbcUrl(), null,
                    "the running 'streamlimit up' (pid " + up.get().pid() + ") at " + up.get().jdbcUrl());
        } else if (EmbeddedLock.isHeld(resultsDir)) {
            Path own = resultsDir.resolveSibling(resultsDir.getFileName() + "-" + ProcessHandle.current().pid());
            choice = new Choice(null, own, "an embedded PostgreSQL in " + own + " (" + resultsDir
                    + " is in use by another streamlimit command; these rows stay apart)");
        } else {
            choice = new Choice(null, resultsDir, "the embedded PostgreSQL in " + resultsDir);
        }
        err.println("Results database: " + choice.description());
        err.flush();
        return choice;
    }

    static ResultsDatabase open(Choice choice) {
        return choice.jdbcUrl() != null ? ResultsDatabase.external(choice.jdbcUrl()) : ResultsDatabase.embedded(choice.embeddedDir(), 0);
    }

    /** Just the results database, for commands that need no other service. */
    ResultsDatabase open(PrintWriter err) {
        return open(choose(err));
    }

    static LocalStackOptions stackOptions(Choice choice) {
        return new LocalStackOptions(0, null, 0, choice.embeddedDir(), 0, choice.jdbcUrl());
    }
}
