package io.scaleguard.bootstrap.server;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.ConnectionProbe;

/** The client connections the listener has accepted and not yet closed: the drain waits for them to end. */
final class OpenConnections extends ConnectionProbe.Adapter {

    private final Set<Connection<?>> open = new HashSet<>();

    @Override
    public synchronized void onAcceptEvent(Connection serverConnection, Connection clientConnection) {
        open.add(clientConnection);
    }

    @Override
    public synchronized void onCloseEvent(Connection connection) {
        if (open.remove(connection) && open.isEmpty()) {
            notifyAll();
        }
    }

    /** Waits until no client connection is open or the deadline ({@link System#nanoTime()}) passes; true when none is. */
    synchronized boolean awaitNone(long deadlineNanos) throws InterruptedException {
        long left;
        while (!open.isEmpty() && (left = deadlineNanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return open.isEmpty();
    }
}
