package io.streamlimit.cli;

import io.streamlimit.local.results.ResultsDatabase;
import io.streamlimit.results.ResultsStore;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The results database being started and migrated on a thread of its own while the simulation
 * runs: an embedded PostgreSQL takes seconds to start, and the simulation needs only one core.
 * Only for a database that exists already ({@link #worthOpeningEarly}): a Ctrl-C while a new
 * embedded one is being initialised would leave a half-made data directory behind.
 */
final class OpeningResults implements AutoCloseable {

    private final CompletableFuture<ResultsDatabase> opening;
    private boolean taken;

    OpeningResults(ResultsOptions.Choice choice) {
        this.opening = CompletableFuture.supplyAsync(() -> {
            ResultsDatabase database = ResultsOptions.open(choice);
            try {
                new ResultsStore(database.dataSource()).createSchema();
                return database;
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        });
    }

    /** True for the user's own database, or an embedded one whose data directory is initialised. */
    static boolean worthOpeningEarly(ResultsOptions.Choice choice) {
        return choice.jdbcUrl() != null || Files.exists(choice.embeddedDir().resolve("PG_VERSION"));
    }

    /** Waits until the database is ready, and hands it over; its failure is thrown as it happened. */
    ResultsDatabase await() {
        try {
            ResultsDatabase database = opening.join();
            taken = true;
            return database;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Stops the database if nobody took it: the simulation failed or was not saved. */
    @Override
    public void close() {
        if (!taken) {
            opening.thenAccept(ResultsDatabase::close);
        }
    }
}
