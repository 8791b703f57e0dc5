package io.scaleguard.bootstrap.server;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.ConnectionProbe;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.HttpServerProbe;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * What the drain waits for: the client connections the listener accepted and has not closed, and the requests in
 * flight on them. Fed by Grizzly's connection and HTTP probes.
 */
final class ServerActivity {

    private final Set<Connection<?>> open = new HashSet<>();
    private int requestsInFlight;
    private long lastChangeNanos = System.nanoTime();

    final ConnectionProbe connections = new ConnectionProbe.Adapter() {
        @Override
        public void onAcceptEvent(Connection serverConnection, Connection clientConnection) {
            changed(() -> open.add(clientConnection));
        }

        @Override
        public void onCloseEvent(Connection connection) {
            changed(() -> open.remove(connection));
        }
    };

    final HttpServerProbe requests = new HttpServerProbe.Adapter() {
        @Override
        public void onRequestReceiveEvent(HttpServerFilter filter, Connection connection, Request request) {
            changed(() -> requestsInFlight++);
        }

        @Override
        public void onRequestCompleteEvent(HttpServerFilter filter, Connection connection, Response response) {
            changed(() -> requestsInFlight--);
        }
    };

    /**
     * Waits until every client connection has closed, or until nothing has been in flight for {@code quiet} counted from
     * now at the earliest (the open connections are then idle, and may be closed), or until the deadline
     * ({@link System#nanoTime()}).
     */
    synchronized void awaitSettled(long quietNanos, long deadlineNanos) throws InterruptedException {
        long start = System.nanoTime();
        while (!open.isEmpty()) {
            long now = System.nanoTime();
            long quietUntil = (lastChangeNanos - start > 0 ? lastChangeNanos : start) + quietNanos;
            if (requestsInFlight <= 0 && now - quietUntil >= 0 || now - deadlineNanos >= 0) {
                return;
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(deadlineNanos - now, requestsInFlight <= 0 ? quietUntil - now : deadlineNanos - now));
        }
    }

    private synchronized void changed(Runnable change) {
        change.run();
        lastChangeNanos = System.nanoTime();
        notifyAll();
    }
}
