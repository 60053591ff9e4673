package io.streamlimit.consumer;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The results database's connection, found on first use (reading a secret) and kept once found.
 * A failure is not kept: the next batch looks again, so a secret created or fixed after the
 * deploy takes effect without a new cold start, and the function's init never depends on it.
 */
public final class LazyResultsConnection implements Supplier<ResultsConnection> {

    private final Supplier<ResultsConnection> find;
    private volatile ResultsConnection found;

    /** @param find reads the connection; throws, with a message naming what is missing, when it cannot */
    public LazyResultsConnection(Supplier<ResultsConnection> find) {
        this.find = Objects.requireNonNull(find, "find");
    }

    /** A connection known from the start (RESULTS_JDBC_URL, tests). */
    public static LazyResultsConnection of(ResultsConnection connection) {
        Objects.requireNonNull(connection, "connection");
        LazyResultsConnection known = new LazyResultsConnection(() -> connection);
        known.found = connection;
        return known;
    }

    /** @throws RuntimeException from {@code find}, naming what is missing, until a look succeeds */
    @Override
    public ResultsConnection get() {
        ResultsConnection connection = found;
        if (connection == null) {
            synchronized (this) {
                if (found == null) {
                    found = Objects.requireNonNull(find.get(), "found connection");
                }
                connection = found;
            }
        }
        return connection;
    }

    /** The connection if it was found already, else null; never looks. */
    public ResultsConnection ifFound() {
        return found;
    }
}
