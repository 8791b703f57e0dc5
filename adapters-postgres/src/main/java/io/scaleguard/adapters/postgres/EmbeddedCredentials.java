package io.scaleguard.adapters.postgres;

import io.scaleguard.application.port.out.StoreUnavailable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded database's password: random, made on first use and kept in the data directory, readable by its owner
 * only. AUTO_SERVER opens a TCP port for other processes; without a password any local user could connect to it and
 * read every hash and private key. Processes that can read the data directory (an admin command) read the password too.
 */
final class EmbeddedCredentials {

    static final String FILE = "database.secret";

    private EmbeddedCredentials() {
    }

    /** The settings with the embedded database's password filled in; PostgreSQL settings are returned as they are. */
    static DatabaseSettings resolve(DatabaseSettings settings) {
        if (!settings.isEmbedded() || settings.password() != null) {
            return settings;
        }
        try {
            return settings.withPassword(readOrCreate(settings.dataDirectory()));
        } catch (IOException e) {
            throw new StoreUnavailable("the embedded database's password in " + settings.dataDirectory() + " is not readable", e);
        }
    }

    private static String readOrCreate(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE);
        // the migration lock also serialises two processes that start on an empty data directory at once
        try (MigrationLock.DataDirectoryLock ignored = MigrationLock.DataDirectoryLock.acquire(dataDirectory)) {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, password, StandardCharsets.US_ASCII);
            return password;
        }
    }
}
