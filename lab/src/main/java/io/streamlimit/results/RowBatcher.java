package io.streamlimit.results;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Inserts rows with multi-row {@code insert ... values (...), (...)} statements: one round trip
 * per chunk instead of one per row, which is what makes 10^5 rows take about a second.
 */
final class RowBatcher<T> {

    /** Binds one row's values, starting at the given parameter index. */
    interface Binder<T> {
        void bind(PreparedStatement statement, int firstIndex, T row) throws SQLException;
    }

    // PostgreSQL allows at most 32,767 bind parameters per statement.
    private static final int MAX_PARAMETERS = 32_000;
    private static final int MAX_ROWS_PER_STATEMENT = 1_000;

    private final String table;
    private final List<String> columns;
    private final Binder<T> binder;
    private final int rowsPerStatement;

    RowBatcher(String table, List<String> columns, Binder<T> binder) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.binder = binder;
        this.rowsPerStatement = Math.min(MAX_ROWS_PER_STATEMENT, MAX_PARAMETERS / columns.size());
    }

    void insert(Connection connection, List<? extends T> rows) throws SQLException {
        int fullChunks = rows.size() / rowsPerStatement;
        if (fullChunks > 0) {
            try (PreparedStatement statement = connection.prepareStatement(sql(rowsPerStatement))) {
                for (int chunk = 0; chunk < fullChunks; chunk++) {
                    int from = chunk * rowsPerStatement;
                    bindAndRun(statement, rows.subList(from, from + rowsPerStatement));
                }
            }
        }
        int rest = rows.size() - fullChunks * rowsPerStatement;
        if (rest > 0) {
            try (PreparedStatement statement = connection.prepareStatement(sql(rest))) {
                bindAndRun(statement, rows.subList(rows.size() - rest, rows.size()));
            }
        }
    }

    private void bindAndRun(PreparedStatement statement, List<? extends T> chunk) throws SQLException {
        int index = 1;
        for (T row : chunk) {
            binder.bind(statement, index, row);
            index += columns.size();
        }
        statement.executeUpdate();
    }

    private String sql(int rowCount) {
        String tuple = "(" + "?,".repeat(columns.size() - 1) + "?)";
        StringBuilder sql = new StringBuilder("insert into ").append(table)
                .append(" (").append(String.join(", ", columns)).append(") values ");
        for (int i = 0; i < rowCount; i++) {
            sql.append(i == 0 ? "" : ",").append(tuple);
        }
        return sql.toString();
    }
}
