package io.scaleguard.adapters.postgres;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.config.TargetDatabase;
import org.eclipse.persistence.platform.database.H2Platform;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.SessionCustomizer;

/** Turns {@link DatabaseSettings} into the JDBC driver's properties and EclipseLink's persistence-unit properties. */
final class ConnectionSettings {

    static final String PERSISTENCE_UNIT = "scaleguard";

    /** EclipseLink shares one session among factories of the same session name: each module needs its own. */
    private static final AtomicInteger SESSIONS = new AtomicInteger();

    private ConnectionSettings() {
    }

    /**
     * The driver properties of one connection. On PostgreSQL a dead or unreachable server fails within the timeout
     * (connect, login, and a socket timeout a little longer than the server-side statement timeout, so that the
     * server's own cancellation normally wins). Migrations get no statement or socket timeout: waiting for another
     * replica's migration lock, or a long schema change, is legitimate at start-up.
     */
    static Properties driverProperties(DatabaseSettings settings, boolean forMigrations) {
        Properties properties = new Properties();
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        if (!settings.isEmbedded()) {
            // the driver counts these in whole seconds: round up, never below the configured timeout
            long seconds = (settings.timeout().toMillis() + 999) / 1000;
            properties.setProperty("connectTimeout", Long.toString(seconds));
            properties.setProperty("loginTimeout", Long.toString(seconds));
            properties.setProperty("tcpKeepAlive", "true");
            properties.setProperty("ApplicationName", forMigrations ? "scaleguard-migrations" : "scaleguard");
            if (!forMigrations) {
                properties.setProperty("options", "-c statement_timeout=" + settings.timeout().toMillis());
                properties.setProperty("socketTimeout", Long.toString(seconds + 5));
            }
        }
        return properties;
    }

    /** EclipseLink in RESOURCE_LOCAL mode over its internal pool; Liquibase owns the schema. */
    static Map<String, Object> persistenceProperties(DatabaseSettings settings) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(PersistenceUnitProperties.JDBC_URL, settings.jdbcUrl());
        driverProperties(settings, false).forEach((name, value) -> properties.put(
                name.equals("user") ? PersistenceUnitProperties.JDBC_USER
                        : name.equals("password") ? PersistenceUnitProperties.JDBC_PASSWORD
                        : PersistenceUnitProperties.JDBC_PROPERTY + name, value));
        properties.put(PersistenceUnitProperties.TARGET_DATABASE, settings.isEmbedded() ? H2Platform.class.getName() : TargetDatabase.PostgreSQL);
        properties.put(PersistenceUnitProperties.DDL_GENERATION, PersistenceUnitProperties.NONE);
        properties.put(PersistenceUnitProperties.WEAVING, "false");
        // Other replicas change the same rows: a shared cache would serve their old plan, hash or disabled flag.
        properties.put(PersistenceUnitProperties.CACHE_SHARED_DEFAULT, "false");
        pool(properties, "default", settings.maxConnections() / 2, settings);
        pool(properties, "read", settings.maxConnections() - settings.maxConnections() / 2, settings);
        // The session name names the logger; EclipseLink's default contains the JDBC URL, which may carry a password.
        properties.put(PersistenceUnitProperties.SESSION_NAME, "scaleguard-" + SESSIONS.incrementAndGet());
        properties.put(PersistenceUnitProperties.LOGGING_LOGGER, "JavaLogger");
        // Every failure reaches the caller as StoreUnavailable with its cause, for the caller to log. EclipseLink's own log
        // would add a stack trace per failed call (an outage floods it) and per expected unique-key race of registrations.
        properties.put(PersistenceUnitProperties.LOGGING_LEVEL, "OFF");
        // Bound values are account data and password hashes: keep them out of logs and exception messages.
        properties.put(PersistenceUnitProperties.LOGGING_PARAMETERS, "false");
        properties.put(PersistenceUnitProperties.SESSION_CUSTOMIZER, (SessionCustomizer) ConnectionSettings::retryOnceAtOnce);
        return properties;
    }

    /**
     * A pool that keeps what it opened (so a burst does not open and close connections) and gives up waiting for a free
     * connection within the timeout instead of EclipseLink's three minutes.
     */
    private static void pool(Map<String, Object> properties, String name, int size, DatabaseSettings settings) {
        String prefix = PersistenceUnitProperties.CONNECTION_POOL + name + ".";
        properties.put(prefix + PersistenceUnitProperties.CONNECTION_POOL_INITIAL, "1");
        properties.put(prefix + PersistenceUnitProperties.CONNECTION_POOL_MIN, Integer.toString(size));
        properties.put(prefix + PersistenceUnitProperties.CONNECTION_POOL_MAX, Integer.toString(size));
        properties.put(prefix + PersistenceUnitProperties.CONNECTION_POOL_WAIT, Long.toString(settings.timeout().toMillis()));
    }

    /**
     * EclipseLink retries a failed read three times, five seconds apart, which turns a dead database into a fifteen-second
     * hang. One immediate retry is enough to replace a pooled connection that died with a database restart.
     */
    private static void retryOnceAtOnce(org.eclipse.persistence.sessions.Session session) {
        DatabaseLogin login = (DatabaseLogin) session.getDatasourceLogin();
        login.setQueryRetryAttemptCount(1);
        login.setDelayBetweenConnectionAttempts(0);
    }
}
