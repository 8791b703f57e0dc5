package io.scaleguard.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.scaleguard.application.port.out.StoreUnavailable;
import io.scaleguard.application.port.out.UserAccount;
import io.scaleguard.application.testing.Accounts;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who besides this process can reach the embedded database: no other local user through the data directory, and no one
 * through AUTO_SERVER's port from any address but the loopback one.
 */
class EmbeddedDatabaseAccessIT {

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    @TempDir
    Path parent;

    private static PersistenceModule openAndMigrate(Path dataDirectory) {
        PersistenceModule module = PersistenceModule.open(DatabaseSettings.embedded(dataDirectory).withPasswordHashing(TestDatabase.FAST_HASHING));
        module.migrate();
        return module;
    }

    @Test
    void createsTheDataDirectoryOwnerOnlyWithTheDatabaseInside() throws IOException {
        Path dataDirectory = parent.resolve("new").resolve("data");
        try (PersistenceModule module = openAndMigrate(dataDirectory)) {
            assertThat(module.health().healthy()).isTrue();
            assertThat(dataDirectory.resolve("scaleguard.mv.db")).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDirectory))).isEqualTo("rwx------");
        }
    }

    @Test
    void makesADataDirectoryThatEveryoneCouldReadOwnerOnlyAndKeepsItsData() throws IOException {
        Path dataDirectory = parent.resolve("data");
        UserAccount account = Accounts.account("h");
        try (PersistenceModule before = openAndMigrate(dataDirectory)) {
            before.userAccounts().add(account);
        }
        // as an earlier version left it
        Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (PersistenceModule after = openAndMigrate(dataDirectory)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDirectory))).isEqualTo("rwx------");
            assertThat(after.userAccounts().byId(account.id())).contains(account);
        }
    }

    @Test
    void autoServerAcceptsConnectionsOnTheLoopbackAddressOnly() throws IOException {
        Path dataDirectory = parent.resolve("data");
        try (PersistenceModule module = openAndMigrate(dataDirectory)) {
            // a pooled connection keeps the database open, and with it the AUTO_SERVER port
            assertThat(module.health().healthy()).isTrue();
            String[] server = autoServer(dataDirectory).split(":");
            int port = Integer.parseInt(server[1]);
            assertThat(InetAddress.getByName(server[0]).isLoopbackAddress()).as("address for other processes: %s", server[0]).isTrue();
            assertThat(accepts(InetAddress.getByName(AutoServerAddress.LOOPBACK), port)).as("the port is live").isTrue();

            List<InetAddress> elsewhere = addressesThatReachAListenerOnEveryInterface();
            assertThat(elsewhere).as("addresses of this machine besides 127.0.0.1").isNotEmpty();
            assertThat(elsewhere).allSatisfy(address -> assertThat(accepts(address, port)).as("%s:%d", address, port).isFalse());
        }
    }

    /** H2 reads its bind address once per JVM: a JVM of its own, started as an operator might have started it. */
    @Test
    void refusesToOpenTheDatabaseWhereAutoServerWouldListenOnEveryInterface() throws Exception {
        Path dataDirectory = parent.resolve("data");
        EmbeddedDatabaseProcess.Run run = EmbeddedDatabaseProcess.run(List.of("-D" + AutoServerAddress.PROPERTY + "=0.0.0.0"),
                "find", dataDirectory, Accounts.uniqueUsername());
        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains(StoreUnavailable.class.getName(), "AUTO_SERVER port would listen on 0.0.0.0");
        assertThat(dataDirectory.resolve("scaleguard.mv.db")).doesNotExist();
    }

    /** The {@code host:port} H2 leaves in its lock file for other processes while AUTO_SERVER runs. */
    private static String autoServer(Path dataDirectory) throws IOException {
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(dataDirectory.resolve("scaleguard.lock.db"))) {
            lock.load(in);
        }
        return lock.getProperty("server");
    }

    /**
     * Every address of this machine but 127.0.0.1 that reaches a socket bound to all interfaces: its interfaces' own,
     * and 127.0.0.2, which Linux answers on the loopback interface (so there is one even on a machine with no network).
     */
    private static List<InetAddress> addressesThatReachAListenerOnEveryInterface() throws IOException {
        InetAddress loopback = InetAddress.getByName(AutoServerAddress.LOOPBACK);
        List<InetAddress> candidates = new ArrayList<>(List.of(InetAddress.getByName("127.0.0.2")));
        candidates.addAll(interfaceAddresses().filter(address -> !address.equals(loopback)).toList());
        try (ServerSocket everywhere = new ServerSocket(0)) {
            return candidates.stream().filter(address -> accepts(address, everywhere.getLocalPort())).toList();
        }
    }

    private static Stream<InetAddress> interfaceAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses);
    }

    private static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException refusedOrUnreachable) {
            return false;
        }
    }
}
