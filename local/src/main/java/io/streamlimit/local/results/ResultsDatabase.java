package io.streamlimit.local.results;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL that holds the results: embedded (kept in a data directory so runs accumulate
 * and Grafana can read them), or a server of the user's given by a JDBC URL.
 */
public final class ResultsDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final DataSource dataSource;
    private final String jdbcUrl;

    private ResultsDatabase(EmbeddedPostgres embedded, DataSource dataSource, String jdbcUrl) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
    }

    /** Starts an embedded PostgreSQL on loopback keeping its data in {@code dataDir}; port 0 picks a free one. */
    public static ResultsDatabase embedded(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (port != 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            return new ResultsDatabase(pg, pg.getPostgresDatabase(), pg.getJdbcUrl("postgres", "postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir
                    + " (is another streamlimit using it? pass --results-dir or --results-jdbc): " + e.getMessage(), e);
        }
    }

    /** Uses the user's own PostgreSQL. */
    public static ResultsDatabase external(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--results-jdbc: must be a jdbc:postgresql: URL, got " + jdbcUrl);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        return new ResultsDatabase(null, ds, jdbcUrl);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The port an embedded server listens on, or -1 for an external one. */
    public int port() {
        return embedded != null ? embedded.getPort() : -1;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
