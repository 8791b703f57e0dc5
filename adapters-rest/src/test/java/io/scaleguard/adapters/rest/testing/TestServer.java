package io.scaleguard.adapters.rest.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** A real Grizzly serving an application on a random loopback port, for tests that speak real HTTP to it. */
public final class TestServer implements AutoCloseable {

    /**
     * Grizzly refuses header blocks over 8 KiB by default, before the application sees them. Tests raise the limit so
     * that the application's own checks (the 8 KiB bearer-token limit) are the ones exercised.
     */
    public static final int LARGE_HEADER_LIMIT = 2 * 1024 * 1024;

    private final HttpServer server;
    private final URI base;

    private TestServer(HttpServer server, URI base) {
        this.server = server;
        this.base = base;
    }

    public static TestServer start(ResourceConfig application) {
        return start(application, LARGE_HEADER_LIMIT);
    }

    /** @param maxHeaderBytes Grizzly's limit on the request header block; 0 keeps Grizzly's default */
    public static TestServer start(ResourceConfig application, int maxHeaderBytes) {
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), application, false);
        NetworkListener listener = server.getListeners().iterator().next();
        if (maxHeaderBytes > 0) {
            listener.setMaxHttpHeaderSize(maxHeaderBytes);
        }
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestServer(server, URI.create("http://127.0.0.1:" + listener.getPort()));
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public int port() {
        return base.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
