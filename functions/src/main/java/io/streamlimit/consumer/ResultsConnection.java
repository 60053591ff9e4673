package io.streamlimit.consumer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Where the results go: a JDBC URL and, kept apart from it, the user and password, which are
 * passed to the driver as connection properties so that the URL can be logged and they never are.
 */
public final class ResultsConnection {

    private final String jdbcUrl;
    private final String user;
    private final String password;

    /**
     * @param user null to take it from the URL (or the driver's default)
     * @param password null to take it from the URL (or none)
     */
    public ResultsConnection(String jdbcUrl, String user, String password) {
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.user = user;
        this.password = password;
    }

    /** A database whose URL says everything (RESULTS_JDBC_URL, tests). */
    public static ResultsConnection of(String jdbcUrl) {
        return new ResultsConnection(jdbcUrl, null, null);
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** A copy of what the driver gets besides the URL: {@code user} and {@code password} where given. */
    public Properties connectionProperties() {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, connectionProperties());
    }

    /** The URL without its query (where a hand-written URL could carry a password); never the credentials. */
    @Override
    public String toString() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
