package io.streamlimit.results;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One unit of work on a connection of its own, its SQL errors as {@link ResultsStoreException}. */
final class Sql {

    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private Sql() {
    }

    /** @param what what the work does, for the error message ("could not " + what) */
    static <T> T run(DataSource dataSource, String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            try {
                return work.apply(connection);
            } catch (SQLException | RuntimeException e) {
                // A pooled connection must not go back to the pool inside a failed transaction.
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new ResultsStoreException("could not " + what + ": " + e.getMessage(), e);
        }
    }
}
