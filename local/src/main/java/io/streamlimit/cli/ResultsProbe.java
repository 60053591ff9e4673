package io.streamlimit.cli;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/** Whether a PostgreSQL answers at a JDBC URL, asked once with short timeouts before any work starts. */
final class ResultsProbe {

    private static final int TIMEOUT_SECONDS = 5;

    private ResultsProbe() {
    }

    /** Null when the database answers, else why not, in one line. */
    static String problem(String jdbcUrl) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        try {
            ds.setURL(jdbcUrl);
        } catch (IllegalArgumentException e) {
            return "not a valid PostgreSQL URL: " + e.getMessage();
        }
        ds.setConnectTimeout(TIMEOUT_SECONDS);
        ds.setLoginTimeout(TIMEOUT_SECONDS);
        ds.setSocketTimeout(TIMEOUT_SECONDS);
        try (Connection connection = ds.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS) ? null : "it does not answer";
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            int sentence = message.indexOf(". ");
            return sentence > 0 ? message.substring(0, sentence) : message;
        }
    }
}
