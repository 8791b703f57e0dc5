package io.scaleguard.application.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the servers that tests start, free on every interface right now. They are picked below Linux's ephemeral
 * range (32768-60999): a port the kernel hands out for "any port" may be given to an outgoing connection (to Redis, to
 * PostgreSQL) between the moment it is found free and the moment the server binds it, which made start-ups fail with
 * "address already in use". Another listener may still take one first; then the server fails loudly rather than a
 * test talking to a stranger.
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final int BELOW_EPHEMERAL = 32_768;

    private FreePorts() {
    }

    public static int one() {
        return consecutive(1);
    }

    /** The first of {@code count} consecutive free ports (the cluster scripts number replicas from one port). */
    public static int consecutive(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(LOWEST, BELOW_EPHEMERAL - count);
            boolean allFree = true;
            for (int port = first; port < first + count && allFree; port++) {
                allFree = isFree(port);
            }
            if (allFree) {
                return first;
            }
        }
        throw new IllegalStateException("found no " + count + " consecutive free ports");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }
}
