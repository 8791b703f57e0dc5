package io.scaleguard.adapters.redis;

import io.scaleguard.application.testing.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

/**
 * A redis-server process of a test's own, on a free loopback port, in its own directory: the test may stop it (as a
 * crash would) and start it again on the same port, with an empty memory and an empty script cache. The binary is
 * the one the embedded-redis artifact ships, so this works on any machine with a JDK and Maven.
 *
 * <p>Never persists anything; {@link #close()} stops the process and deletes its directory.
 */
public final class PrivateRedis implements AutoCloseable {

    private final int port;
    private final Path directory;
    private final RedisServer server;

    private PrivateRedis(int port, Path directory, RedisServer server) {
        this.port = port;
        this.directory = directory;
        this.server = server;
    }

    /**
     * Starts a server; {@code settings} are extra redis.conf lines such as {@code "cluster-enabled yes"}. It listens on
     * 127.0.0.1 unless a {@code bind} line of theirs names other addresses, such as {@code "bind 127.0.0.1 ::1"}.
     */
    public static PrivateRedis start(List<String> settings) {
        try {
            int port = FreePorts.one();
            Path directory = Files.createTempDirectory("scaleguard-redis-" + port + "-");
            // the builder writes its bind line last, after every setting, so a bind of the test's must go through it
            String bind = settings.stream().filter(line -> line.startsWith("bind ")).reduce((first, last) -> last)
                    .map(line -> line.substring("bind ".length())).orElse("127.0.0.1");
            RedisServerBuilder builder = RedisServer.newRedisServer().port(port).bind(bind)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("dir " + directory.toAbsolutePath());
            settings.stream().filter(line -> !line.startsWith("bind ")).forEach(builder::setting);
            PrivateRedis redis = new PrivateRedis(port, directory, builder.build());
            redis.startAgain();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a private redis-server", e);
        }
    }

    public int port() {
        return port;
    }

    public URI url() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    /** Stops the process, waiting until it has exited: its port refuses connections from now on. */
    public void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop redis-server on port " + port, e);
        }
    }

    /** Starts the process again on the same port, returning once it accepts connections. */
    public void startAgain() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server on port " + port, e);
        }
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
