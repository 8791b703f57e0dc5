package io.scaleguard.adapters.postgres;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the stores live and how hard they may be pushed: a PostgreSQL JDBC URL (with optional credentials), or the
 * embedded default, an H2 file database under a data directory.
 *
 * @param jdbcUrl         {@code jdbc:postgresql:...} or, for the embedded default, the H2 URL that {@link #embedded} builds
 * @param user            database user, or null to take it from the URL
 * @param password        database password, or null to take it from the URL (the embedded database's own); never printed
 * @param dataDirectory   the embedded database's directory, or null for PostgreSQL
 * @param maxConnections  the most connections this process opens to the database (see {@link #withMaxConnections})
 * @param timeout         how long one database call may wait for a connection or an answer before it fails (see
 *                        {@link #withTimeout})
 * @param passwordHashing the Argon2id cost and the bound on concurrent hashes
 * @param signingKeySecret the key that seals the signing keys' private halves, or null to store them as they are (see
 *                         {@link #withSigningKeySecret})
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, Path dataDirectory, int maxConnections,
                               Duration timeout, PasswordHashing passwordHashing, SigningKeySecret signingKeySecret) {

    public static final int DEFAULT_MAX_CONNECTIONS = 8;
    /** One connection for each of the two pools (writes and reads). */
    public static final int MIN_CONNECTIONS = 2;
    /** A sanity bound: PostgreSQL allows 100 connections by default, and a replica rarely gains beyond a few dozen. */
    public static final int MAX_CONNECTIONS = 200;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** Below this a healthy database on a loaded machine misses the timeout, and every call fails. */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";
    private static final String H2_PREFIX = "jdbc:h2:";
    /** The embedded database's file name stem inside the data directory (H2 adds {@code .mv.db}). */
    private static final String EMBEDDED_FILE = "scaleguard";

    public DatabaseSettings {
        boolean postgres = jdbcUrl != null && jdbcUrl.startsWith(POSTGRESQL_PREFIX) && dataDirectory == null;
        boolean embeddedH2 = jdbcUrl != null && jdbcUrl.startsWith(H2_PREFIX) && dataDirectory != null;
        if (!postgres && !embeddedH2) {
            throw new IllegalArgumentException("the database URL must start with " + POSTGRESQL_PREFIX
                    + " (the embedded database comes from DatabaseSettings.embedded)");
        }
        if (maxConnections < MIN_CONNECTIONS || maxConnections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("the number of database connections must be " + MIN_CONNECTIONS + " to "
                    + MAX_CONNECTIONS + ", not " + maxConnections);
        }
        if (timeout == null || timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("the database timeout must be " + MIN_TIMEOUT.toMillis() + " ms to "
                    + MAX_TIMEOUT.toMinutes() + " minutes" + (timeout == null ? "" : ", not " + timeout.toMillis() + " ms"));
        }
        if (passwordHashing == null) {
            throw new IllegalArgumentException("password hashing settings are required");
        }
    }

    /** PostgreSQL at this JDBC URL; a null user or password is taken from the URL (or the driver's defaults). */
    public static DatabaseSettings of(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(POSTGRESQL_PREFIX)) {
            throw new IllegalArgumentException("the database URL must start with " + POSTGRESQL_PREFIX);
        }
        return new DatabaseSettings(jdbcUrl, user, password, null, DEFAULT_MAX_CONNECTIONS, DEFAULT_TIMEOUT,
                PasswordHashing.owaspDefaults(), null);
    }

    /**
     * The embedded default: an H2 file database under {@code dataDirectory}. AUTO_SERVER lets a second process (an admin
     * command) open it while the server runs, through a port on the loopback interface only; WRITE_DELAY=0 writes every
     * commit to the file before the commit returns, so a killed process loses nothing it committed. The password is
     * generated on first open and kept in the data directory, which {@link PersistenceModule#open} makes owner-only.
     * (H2 refuses AUTO_SERVER together with DB_CLOSE_ON_EXIT=FALSE, so H2's own shutdown hook closes the database when
     * the JVM exits.)
     */
    public static DatabaseSettings embedded(Path dataDirectory) {
        if (dataDirectory == null) {
            throw new IllegalArgumentException("the embedded database needs a data directory");
        }
        Path file = dataDirectory.toAbsolutePath().normalize().resolve(EMBEDDED_FILE);
        String url = H2_PREFIX + "file:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        return new DatabaseSettings(url, "scaleguard", null, dataDirectory, DEFAULT_MAX_CONNECTIONS, DEFAULT_TIMEOUT,
                PasswordHashing.owaspDefaults(), null);
    }

    public boolean isEmbedded() {
        return dataDirectory != null;
    }

    public DatabaseSettings withPasswordHashing(PasswordHashing hashing) {
        return new DatabaseSettings(jdbcUrl, user, password, dataDirectory, maxConnections, timeout, hashing,
                signingKeySecret);
    }

    DatabaseSettings withPassword(String databasePassword) {
        return new DatabaseSettings(jdbcUrl, user, databasePassword, dataDirectory, maxConnections, timeout, passwordHashing,
                signingKeySecret);
    }

    /**
     * The same settings with another connection budget: at most {@code connections} open to the database at once, half
     * of them (rounded down) in the pool for writes and the rest in the pool for reads; a pool keeps what it opened.
     *
     * @param connections {@value #MIN_CONNECTIONS} to {@value #MAX_CONNECTIONS}; on PostgreSQL, this times the number of
     *                    replicas must stay within the server's {@code max_connections}, less what other clients use
     * @throws IllegalArgumentException outside those bounds
     */
    public DatabaseSettings withMaxConnections(int connections) {
        return new DatabaseSettings(jdbcUrl, user, password, dataDirectory, connections, timeout, passwordHashing,
                signingKeySecret);
    }

    /**
     * The same settings with another call timeout: how long one database call may wait for a pooled connection and, on
     * PostgreSQL, for the server's answer (its {@code statement_timeout}); connecting and logging in get the same, rounded
     * up to whole seconds as the driver counts them. Readiness checks wait at most two seconds whatever this is, and
     * migrations are not bounded by it (another replica's migration may hold them up legitimately).
     *
     * @param callTimeout {@link #MIN_TIMEOUT} (100 ms) to {@link #MAX_TIMEOUT} (10 minutes)
     * @throws IllegalArgumentException outside those bounds or when null
     */
    public DatabaseSettings withTimeout(Duration callTimeout) {
        return new DatabaseSettings(jdbcUrl, user, password, dataDirectory, maxConnections, callTimeout, passwordHashing,
                signingKeySecret);
    }

    /**
     * The same settings with the signing keys' private halves sealed under {@code secret} (AES-256-GCM) as they are
     * written; keys stored unsealed before still open. Every replica sharing the database needs the same secret: one
     * without it, or with another, cannot read the keys and says so rather than signing with keys of its own.
     */
    public DatabaseSettings withSigningKeySecret(SigningKeySecret secret) {
        return new DatabaseSettings(jdbcUrl, user, password, dataDirectory, maxConnections, timeout, passwordHashing, secret);
    }

    /**
     * What to call this database in logs: the URL without its parameters (they may carry a password), or the data
     * directory of the embedded default.
     */
    public String description() {
        if (isEmbedded()) {
            return "embedded database " + dataDirectory;
        }
        int parameters = jdbcUrl.indexOf('?');
        return "PostgreSQL " + (parameters < 0 ? jdbcUrl : jdbcUrl.substring(0, parameters));
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + description() + ", user=" + user + ", maxConnections=" + maxConnections + ", timeout="
                + timeout + ", " + passwordHashing + ", private keys " + (signingKeySecret == null ? "unsealed" : "sealed") + "]";
    }

    /**
     * Argon2id's cost (memory in KiB, iterations, lanes) and how many hashes may run at once, waiting at most
     * {@code slotWait} for a free slot before the caller is told to come back later.
     */
    public record PasswordHashing(int memoryKiB, int iterations, int parallelism, int maxConcurrentHashes, Duration slotWait) {

        /** OWASP's first Argon2id choice: 19 MiB, two passes, one lane. */
        public static final int OWASP_MEMORY_KIB = 19_456;
        public static final int OWASP_ITERATIONS = 2;
        public static final int OWASP_PARALLELISM = 1;
        public static final Duration DEFAULT_SLOT_WAIT = Duration.ofMillis(200);

        public PasswordHashing {
            if (!costWithinBounds(memoryKiB, iterations, parallelism)) {
                throw new IllegalArgumentException("Argon2 needs 1 to 64 lanes, 1 to 64 passes, and at least 8 KiB per lane"
                        + " of at most 1 GiB of memory");
            }
            if (maxConcurrentHashes < 1) {
                throw new IllegalArgumentException("at least one password hash must be allowed at a time");
            }
            if (slotWait == null || slotWait.isNegative()) {
                throw new IllegalArgumentException("the wait for a hashing slot must not be negative");
            }
        }

        /** The costs this service accepts, configured or read from a stored hash: a bad row cannot demand unbounded memory. */
        static boolean costWithinBounds(int memoryKiB, int iterations, int parallelism) {
            return parallelism >= 1 && parallelism <= 64 && iterations >= 1 && iterations <= 64
                    && memoryKiB >= 8 * parallelism && memoryKiB <= 1 << 20;
        }

        /** OWASP's parameters, as many concurrent hashes as there are cores, a brief wait for a slot. */
        public static PasswordHashing owaspDefaults() {
            return new PasswordHashing(OWASP_MEMORY_KIB, OWASP_ITERATIONS, OWASP_PARALLELISM,
                    Runtime.getRuntime().availableProcessors(), DEFAULT_SLOT_WAIT);
        }

        /** The same bounds with another cost, for example a cheap one in tests. */
        public PasswordHashing withCost(int memory, int passes, int lanes) {
            return new PasswordHashing(memory, passes, lanes, maxConcurrentHashes, slotWait);
        }

        public PasswordHashing withConcurrency(int hashes, Duration wait) {
            return new PasswordHashing(memoryKiB, iterations, parallelism, hashes, wait);
        }
    }
}
