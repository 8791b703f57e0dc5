package io.scaleguard.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scaleguard.application.port.out.StoreUnavailable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path parent;

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void createsAMissingDirectoryOwnerOnlyAndItsParentsAsUsual() throws IOException {
        Path directory = parent.resolve("a").resolve("data");
        DataDirectory.secure(directory);
        assertThat(mode(directory)).isEqualTo("rwx------");
        assertThat(mode(directory.getParent())).as("not the data directory: the umask decides").isNotEqualTo("rwx------");
    }

    @Test
    void makesAnExistingDirectoryOwnerOnlyAndLeavesItsFilesAlone() throws IOException {
        Path directory = Files.createDirectory(parent.resolve("data"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path file = Files.writeString(directory.resolve("scaleguard.mv.db"), "data");
        DataDirectory.secure(directory);
        DataDirectory.secure(directory);
        assertThat(mode(directory)).isEqualTo("rwx------");
        assertThat(Files.readString(file)).isEqualTo("data");
    }

    @Test
    void refusesAPathThatIsAFile() throws IOException {
        Path file = Files.writeString(parent.resolve("data"), "");
        assertThatThrownBy(() -> DataDirectory.secure(file)).isExactlyInstanceOf(StoreUnavailable.class)
                .hasMessageContaining("is not a directory");
    }

    /** procfs refuses every mode change, root's too: a directory this process cannot tighten, whoever runs the test. */
    @Test
    void saysWhatToDoWhenItCannotMakeTheDirectoryOwnerOnly() {
        Path unchangeable = Path.of("/proc/self");
        assertThatThrownBy(() -> DataDirectory.secure(unchangeable)).isExactlyInstanceOf(StoreUnavailable.class)
                .hasMessageContaining("/proc/self is r-xr-xr-x").hasMessageContaining("chmod 700");
    }
}
