package io.streamlimit.cli;

import io.streamlimit.local.results.ResultsDatabase;
import io.streamlimit.local.stack.LocalStackOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where results go: the embedded PostgreSQL's data directory, or the user's own server. */
final class ResultsOptions {

    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = ".streamlimit/results",
            description = "Data directory of the embedded PostgreSQL that keeps the results (default: ${DEFAULT-VALUE}).")
    Path resultsDir;

    @Option(names = "--results-jdbc", paramLabel = "URL",
            description = "Use your own PostgreSQL instead, e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=me&password=secret")
    String resultsJdbc;

    /** Just the results database, for commands that need no other service. */
    ResultsDatabase open() {
        return resultsJdbc != null ? ResultsDatabase.external(resultsJdbc) : ResultsDatabase.embedded(resultsDir, 0);
    }

    LocalStackOptions stackOptions() {
        return new LocalStackOptions(0, null, 0, resultsDir, 0, resultsJdbc);
    }
}
