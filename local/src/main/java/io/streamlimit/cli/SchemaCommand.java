package io.streamlimit.cli;

import io.streamlimit.results.ResultsSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code streamlimit schema}: the results schema's migrations (the ones every writer applies) as
 * one SQL script, for a database this tool does not create itself (the AWS mode's):
 * {@code streamlimit schema | psql "$URL"}.
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Prints the SQL that creates the results tables (runs, invocations, pipeline_events, pipeline_counts).",
            "Every statement is idempotent, so it also upgrades an older database. For your own database, e.g. the AWS mode's: streamlimit schema | psql \"$URL\""})
final class SchemaCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(ResultsSchema.script());
        spec.commandLine().getOut().flush();
    }
}
