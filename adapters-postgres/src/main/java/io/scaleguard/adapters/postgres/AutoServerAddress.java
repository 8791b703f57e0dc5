package io.scaleguard.adapters.postgres;

import io.scaleguard.application.port.out.StoreUnavailable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.h2.engine.SysProperties;

/**
 * Keeps the embedded database's AUTO_SERVER port on the loopback interface. AUTO_SERVER lets a second process on this
 * machine (an admin command) open the database while the server runs, through a TCP port that H2 binds to every
 * interface unless the system property {@code h2.bindAddress} names one. H2 reads that property once per JVM, when its
 * first database opens ({@link SysProperties#BIND_ADDRESS}), so it is set here before then, and H2's own reading is
 * checked: the port reachable from other machines would leave the data guarded by the database password alone.
 */
final class AutoServerAddress {

    static final String PROPERTY = "h2.bindAddress";
    static final String LOOPBACK = "127.0.0.1";

    private AutoServerAddress() {
    }

    /** Sets the property unless the operator did; refuses an address H2 uses that is not the loopback interface. */
    static synchronized void requireLoopback() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, LOOPBACK);
        }
        String used = SysProperties.BIND_ADDRESS;
        if (!isLoopback(used)) {
            throw new StoreUnavailable("the embedded database's AUTO_SERVER port would listen on " + (used == null || used.isEmpty()
                    ? "every interface" : used) + ", not the loopback interface: start the JVM without -D" + PROPERTY
                    + " or with -D" + PROPERTY + "=" + LOOPBACK + ", and open no other H2 database in it before this one", null);
        }
    }

    private static boolean isLoopback(String address) {
        if (address == null || address.isEmpty()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException unresolvable) {
            return false;
        }
    }
}
