package io.scaleguard.adapters.redis;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.resolver.DefaultAddressResolverGroup;
import org.redisson.client.RedisClient;
import org.redisson.client.RedisClientConfig;
import org.redisson.client.RedisConnection;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.RedisCommand;
import java.util.concurrent.TimeUnit;

/**
 * One connection to one Redis node, below Redisson's topology handling: for what a test does to a single node of a
 * cluster (forming it, counting its keys). Redisson's low-level client, with its own small event loop.
 */
final class RawRedis implements AutoCloseable {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final RedisClient client;
    private final RedisConnection connection;

    RawRedis(int port) {
        client = RedisClient.create(new RedisClientConfig().setAddress("127.0.0.1", port)
                .setGroup(group).setSocketChannelClass(NioSocketChannel.class)
                // a resolver of our own, or Redisson looks for the native epoll transport, which is not on the class path
                .setResolverGroup(DefaultAddressResolverGroup.INSTANCE));
        connection = client.connect();
    }

    <T> T sync(RedisCommand<T> command, Object... arguments) {
        return connection.sync(StringCodec.INSTANCE, command, arguments);
    }

    @Override
    public void close() {
        client.shutdown();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
