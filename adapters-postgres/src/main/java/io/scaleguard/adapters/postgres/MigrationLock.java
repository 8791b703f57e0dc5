package io.scaleguard.adapters.postgres;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one migrator at a time touch the schema. Liquibase's own lock table is not enough: on an empty schema several
 * replicas race to create it (and DATABASECHANGELOG) before that lock exists. Both locks here vanish with their holder,
 * so a killed process never leaves the next start waiting.
 */
interface MigrationLock extends AutoCloseable {

    @Override
    void close() throws SQLException, IOException;

    static MigrationLock acquire(DatabaseSettings settings, Connection connection) throws SQLException, IOException {
        return settings.isEmbedded() ? DataDirectoryLock.acquire(settings.dataDirectory()) : AdvisoryLock.acquire(connection);
    }

    /**
     * A PostgreSQL session-level advisory lock, keyed by the connection's schema so that services sharing one database in
     * different schemas do not wait for each other. It is released when the session ends, however it ends.
     */
    final class AdvisoryLock implements MigrationLock {

        private static final String KEY = "hashtext('scaleguard-migrations:' || current_schema())";

        private final Connection connection;

        private AdvisoryLock(Connection connection) {
            this.connection = connection;
        }

        static AdvisoryLock acquire(Connection connection) throws SQLException {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(" + KEY + ")")) {
                lock.execute();
            }
            return new AdvisoryLock(connection);
        }

        @Override
        public void close() throws SQLException {
            if (!connection.getAutoCommit()) {
                // a failed migration may leave its transaction aborted, and an aborted transaction runs no statement
                connection.rollback();
            }
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(" + KEY + ")")) {
                unlock.execute();
            }
        }
    }

    /**
     * An exclusive lock on a file in the embedded database's data directory, for other processes (an admin command),
     * held under a JVM-wide lock for other threads of this one (a JVM cannot take one file lock twice).
     */
    final class DataDirectoryLock implements MigrationLock {

        private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

        private final FileChannel channel;
        private final FileLock lock;

        private DataDirectoryLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
            IN_THIS_JVM.lock();
            FileChannel channel = null;
            try {
                Files.createDirectories(dataDirectory);
                channel = FileChannel.open(dataDirectory.resolve("migrations.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                return new DataDirectoryLock(channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                if (channel != null) {
                    channel.close();
                }
                IN_THIS_JVM.unlock();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
                channel.close();
            } finally {
                IN_THIS_JVM.unlock();
            }
        }
    }
}
