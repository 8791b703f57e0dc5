package io.scaleguard.bootstrap.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Jersey on Grizzly: starts on a port, and stops gracefully without failing a request, then the caller closes Redis
 * and the database.
 *
 * <p>Grizzly's own graceful shutdown answers 503 to every request that arrives on an open keep-alive connection while
 * it drains, and an edge may not repeat a POST elsewhere. So the drain here goes: stop accepting connections (an edge
 * that tries a new one is refused before it sent anything, and goes to another replica, POST included); keep serving
 * what arrives on the open connections, closing each after its answer; wait until the clients have closed them, or
 * until nothing has been in flight for a moment (what is left open is idle), or until the grace period ends; only then
 * stop, letting what is still in flight finish within what is left of the grace.
 */
public final class HttpServerRunner implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HttpServerRunner.class.getName());

    /**
     * How long the drain keeps idle connections open for a request their client may already be sending: long enough
     * for one on its way, short enough that idle keep-alive clients do not hold the stop for the whole grace.
     */
    static final Duration QUIET_BEFORE_STOP = Duration.ofSeconds(1);

    /** Small enough to refuse abuse, large enough for a bearer token plus ordinary headers. */
    public static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;

    private final HttpServer server;
    private final NetworkListener listener;
    private final ServerActivity activity;
    private final Duration shutdownGrace;
    private final AtomicBoolean draining;

    private HttpServerRunner(HttpServer server, NetworkListener listener, ServerActivity activity, Duration shutdownGrace,
                             AtomicBoolean draining) {
        this.server = server;
        this.listener = listener;
        this.activity = activity;
        this.shutdownGrace = shutdownGrace;
        this.draining = draining;
    }

    /**
     * @param port 0 picks a free port (tests), see {@link #port()}
     * @param workerThreads request threads; a decision may wait a Redis round trip, so more threads than cores
     */
    public static HttpServerRunner start(ResourceConfig application, String host, int port, int workerThreads, Duration shutdownGrace) {
        AtomicBoolean draining = new AtomicBoolean();
        application.register(new ConnectionCloseWhileDrainingFilter(draining::get));
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://" + host + ":" + port + "/"), application, false);
        NetworkListener listener = server.getListener("grizzly");
        listener.setMaxHttpHeaderSize(MAX_REQUEST_HEADER_BYTES);
        listener.registerAddOn(new ProtocolUpgradeRefusal());
        ServerActivity activity = new ServerActivity();
        listener.getTransport().getConnectionMonitoringConfig().addProbes(activity.connections);
        server.getServerConfiguration().getMonitoringConfig().getWebServerConfig().addProbes(activity.requests);
        listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                .setPoolName("scaleguard-http").setCorePoolSize(workerThreads).setMaxPoolSize(workerThreads));
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new HttpServerRunner(server, listener, activity, shutdownGrace, draining);
    }

    public int port() {
        return listener.getPort();
    }

    /** Drains as the class comment says, then stops; idempotent. */
    @Override
    public void close() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        ((TCPNIOTransport) listener.getTransport()).unbindAll();
        try {
            activity.awaitSettled(QUIET_BEFORE_STOP.toNanos(), deadline);
            long left = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            server.shutdown(left, TimeUnit.MILLISECONDS).get(left + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "in-flight requests did not finish within {0} s; stopping now",
                    Long.toString(shutdownGrace.toSeconds()));
            server.shutdownNow();
        }
    }
}
