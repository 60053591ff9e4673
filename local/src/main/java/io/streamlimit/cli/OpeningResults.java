package io.streamlimit.cli;

import io.streamlimit.local.results.ResultsDatabase;
import io.streamlimit.results.ResultsStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The results database being started and migrated on a thread of its own while the simulation
 * runs: an embedded PostgreSQL takes seconds to start, and the simulation needs only one core.
 * A new embedded database is made beside its directory and moved into place when complete, so a
 * Ctrl-C meanwhile leaves nothing half-made.
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
