package io.streamlimit.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The results database's tables, as versioned migrations in {@code db/results} (Flyway): the one
 * definition every writer applies. Migrating a database that is up to date changes nothing, so
 * every mode can call it at start-up.
 */
public final class ResultsSchema {

    /** Where the migrations are, on the classpath. */
    static final String LOCATION = "db/results";
    /** Every migration, oldest first; {@link #script()} concatenates them. */
    static final List<String> MIGRATIONS = List.of("V1__results_schema.sql", "V2__pipeline_counts.sql");
    /**
     * A database that has tables but no migration history was made by the schema before
     * migrations ({@code create table if not exists}): it starts at version 0, so V1, written to
     * upgrade such a database in place, runs on it.
     */
    static final String BASELINE_VERSION = "0";

    private ResultsSchema() {
    }

    /** Brings the database to the latest version. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + LOCATION)
                .baselineOnMigrate(true)
                .baselineVersion(BASELINE_VERSION)
                .load()
                .migrate();
    }

    /** The migrations as one SQL script, for {@code psql} (without Flyway's history). */
    public static String script() {
        StringBuilder script = new StringBuilder();
        for (String migration : MIGRATIONS) {
            script.append(resource(LOCATION + "/" + migration));
        }
        return script.toString();
    }

    private static String resource(String name) {
        try (InputStream in = ResultsSchema.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("migration " + name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + name, e);
        }
    }
}
