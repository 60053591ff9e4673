package io.streamlimit.testing;

import io.streamlimit.results.ResultsSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * An embedded PostgreSQL holding the results database as its migrations make it (the one
 * definition, in lab), so the consumer's writer is tested against the real schema, not a copy.
 */
public final class ResultsPostgres {

    private ResultsPostgres() {
    }

    /** Starts one; close it when done. */
    public static EmbeddedPostgres start() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.start();
        ResultsSchema.migrate(postgres.getPostgresDatabase());
        return postgres;
    }
}
