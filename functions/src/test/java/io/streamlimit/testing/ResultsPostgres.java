package io.streamlimit.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** An embedded PostgreSQL holding the results database's {@code invocations} table, which the consumer writes. */
public final class ResultsPostgres {

    private ResultsPostgres() {
    }

    /** Starts one; close it when done. */
    public static EmbeddedPostgres start() throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table invocations (run_id text, id integer, sent_at timestamptz,"
                    + " started_at timestamptz, completed_at timestamptz, group_id text, batch_id text, cache_id text,"
                    + " created_at timestamptz default now())");
        }
        return postgres;
    }
}
