package io.scaleguard.adapters.postgres;

import io.scaleguard.application.port.out.StoreUnavailable;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The embedded database's data directory, kept owner-only ({@code rwx------}). It holds every password hash and the
 * private signing keys, and H2 creates its files with the process's umask, usually readable by every local user: a
 * directory no one else may enter protects them whatever their own modes. On file systems without POSIX permissions
 * the directory is only created; its access rules there are the operator's.
 */
final class DataDirectory {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private DataDirectory() {
    }

    /** Creates the directory owner-only, or makes an existing one so; fails when it cannot. */
    static void secure(Path directory) {
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            create(directory, posix);
        } catch (IOException e) {
            throw new StoreUnavailable("the data directory " + directory + " could not be created", e);
        }
        if (!Files.isDirectory(directory)) {
            throw new StoreUnavailable("the data directory " + directory + " is not a directory", null);
        }
        if (posix) {
            tighten(directory);
        }
    }

    private static void create(Path directory, boolean posix) throws IOException {
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (posix) {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectory(directory);
            }
        } catch (FileAlreadyExistsException existing) {
            // made by an earlier run or another process starting at the same time: checked below like any other
        }
    }

    /** Only the owner (or root) may change a mode: anyone else gets an error that says what to do. */
    private static void tighten(Path directory) {
        String mode = "unknown";
        try {
            Set<PosixFilePermission> current = Files.getPosixFilePermissions(directory);
            if (current.equals(OWNER_ONLY)) {
                return;
            }
            mode = PosixFilePermissions.toString(current);
            Files.setPosixFilePermissions(directory, OWNER_ONLY);
        } catch (IOException e) {
            throw new StoreUnavailable("the data directory " + directory + " is " + mode + ", and this process cannot make it"
                    + " owner-only (rwx------): it holds password hashes and private keys. Run the service as the directory's"
                    + " owner, or chmod 700 it", e);
        }
    }
}
