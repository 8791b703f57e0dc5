package io.scaleguard.bootstrap.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Jersey on Grizzly: starts on a port, and stops gracefully: no new connections, in-flight requests drained within a
 * deadline, then the caller closes Redis and the database.
 */
public final class HttpServerRunner implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(HttpServerRunner.class.getName());

    /** Small enough to refuse abuse, large enough for a bearer token plus ordinary headers. */
    public static final int MAX_REQUEST_HEADER_BYTES = 16 * 1024;

    private final HttpServer server;
    private final Duration shutdownGrace;

    private HttpServerRunner(HttpServer server, Duration shutdownGrace) {
        this.server = server;
        this.shutdownGrace = shutdownGrace;
    }

    /**
     * @param port 0 picks a free port (tests), see {@link #port()}
     * @param workerThreads request threads; a decision may wait a Redis round trip, so more threads than cores
     */
    public static HttpServerRunner start(ResourceConfig application, String host, int port, int workerThreads, Duration shutdownGrace) {
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://" + host + ":" + port + "/"), application, false);
        NetworkListener listener = server.getListener("grizzly");
        listener.setMaxHttpHeaderSize(MAX_REQUEST_HEADER_BYTES);
        listener.registerAddOn(new ProtocolUpgradeRefusal());
        listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                .setPoolName("scaleguard-http").setCorePoolSize(workerThreads).setMaxPoolSize(workerThreads));
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new HttpServerRunner(server, shutdownGrace);
    }

    public int port() {
        return server.getListener("grizzly").getPort();
    }

    /** Stops accepting, lets in-flight requests finish until the grace period ends, then stops. */
    @Override
    public void close() {
        try {
            server.shutdown(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS).get(shutdownGrace.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "in-flight requests did not finish within {0}; stopping now", shutdownGrace);
            server.shutdownNow();
        }
    }
}
