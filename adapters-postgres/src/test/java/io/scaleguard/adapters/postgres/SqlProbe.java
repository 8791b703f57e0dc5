package io.scaleguard.adapters.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC beside the adapter, so tests can look at rows as the database holds them. */
final class SqlProbe {

    private SqlProbe() {
    }

    /** The first column of every row of a query with bound parameters. */
    static List<Object> column(DatabaseSettings settings, String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(settings); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Object> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getObject(1));
                }
            }
            return values;
        }
    }

    static int update(DatabaseSettings settings, String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(settings); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private static Connection connect(DatabaseSettings settings) throws SQLException {
        DatabaseSettings withPassword = EmbeddedCredentials.resolve(settings);
        return DriverManager.getConnection(withPassword.jdbcUrl(), ConnectionSettings.driverProperties(withPassword, true));
    }
}
