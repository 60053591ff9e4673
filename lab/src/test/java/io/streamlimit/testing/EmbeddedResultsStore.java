package io.streamlimit.testing;

import io.streamlimit.results.ResultsStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A results store on an embedded PostgreSQL with the current schema, started once for a test
 * class and stopped after it: {@code @RegisterExtension static final EmbeddedResultsStore RESULTS =
 * new EmbeddedResultsStore();}.
 */
public final class EmbeddedResultsStore implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;
    private ResultsStore store;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        store = new ResultsStore(postgres.getPostgresDatabase());
        store.createSchema();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    public ResultsStore store() {
        return store;
    }

    public DataSource database() {
        return postgres.getPostgresDatabase();
    }
}
