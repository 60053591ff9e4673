package io.streamlimit.local.results;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
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
            if (!isInitialised(dataDir)) {
                initialise(dataDir);
            }
            EmbeddedPostgres pg = builder(dataDir, port).start();
            return new ResultsDatabase(pg, pg.getPostgresDatabase(), pg.getJdbcUrl("postgres", "postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir
                    + " (is another streamlimit using it? pass --results-dir or --results-jdbc): " + e.getMessage(), e);
        }
    }

    private static boolean isInitialised(Path dataDir) {
        return Files.exists(dataDir.resolve("PG_VERSION"));
    }

    /**
     * Creates the database cluster in a directory beside {@code dataDir} and moves it into place
     * once complete, so that an interruption (Ctrl-C during initdb) never leaves a half-made
     * cluster where the next command would try to start it.
     */
    private static void initialise(Path dataDir) throws IOException {
        Path parent = dataDir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String prefix = dataDir.getFileName() + ".initialising-";
        deleteAbandoned(parent, prefix);
        Path fresh = parent.resolve(prefix + ProcessHandle.current().pid());
        builder(fresh, 0).start().close();
        Files.deleteIfExists(fresh.resolve("epg-lock"));
        if (isInitialised(dataDir)) {
            deleteTree(fresh); // another command made it meanwhile
            return;
        }
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    deleteTree(fresh);
                    throw new IOException(dataDir + " holds files but no PostgreSQL cluster (no PG_VERSION); move it away");
                }
            }
            Files.delete(dataDir);
        }
        Files.move(fresh, dataDir, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes clusters that interrupted commands were making (their process is gone). */
    private static void deleteAbandoned(Path parent, String prefix) throws IOException {
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path sibling : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                String pid = sibling.getFileName().toString().substring(prefix.length());
                boolean alive = pid.chars().allMatch(Character::isDigit) && !pid.isEmpty()
                        && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                if (!alive) {
                    deleteTree(sibling);
                }
            }
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dataDir, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1");
        if (port != 0) {
            builder.setPort(port);
        }
        return builder;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
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
