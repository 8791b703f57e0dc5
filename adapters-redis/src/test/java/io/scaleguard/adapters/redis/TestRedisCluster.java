package io.scaleguard.adapters.redis;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redisson.client.protocol.RedisCommands;
import org.redisson.client.protocol.RedisStrictCommand;

/**
 * A real Redis Cluster of three masters (no replicas), each a {@link PrivateRedis} on a loopback port, formed the way an
 * operator would: {@code CLUSTER ADDSLOTS} gives each master a third of the 16384 slots, {@code CLUSTER MEET}
 * introduces them, and it is ready when every node reports {@code cluster_state:ok} and knows all three.
 * {@link #close()} stops the processes and deletes their files.
 */
public final class TestRedisCluster implements AutoCloseable {

    private static final int SLOTS = 16384;
    private static final RedisStrictCommand<String> CLUSTER_MEET = new RedisStrictCommand<>("CLUSTER", "MEET");

    private final List<PrivateRedis> masters;

    private TestRedisCluster(List<PrivateRedis> masters) {
        this.masters = masters;
    }

    public static TestRedisCluster start() {
        List<PrivateRedis> masters = new ArrayList<>();
        TestRedisCluster cluster = new TestRedisCluster(masters);
        try {
            for (int i = 0; i < 3; i++) {
                masters.add(PrivateRedis.start(List.of("cluster-enabled yes", "cluster-config-file nodes.conf",
                        "cluster-node-timeout 5000")));
            }
            cluster.form();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Every master's URL; any of them is a seed. */
    public List<URI> seeds() {
        return masters.stream().map(PrivateRedis::url).toList();
    }

    /** How many keys each master holds, in the order of {@link #seeds()}. */
    public List<Long> keysPerMaster() {
        return masters.stream().map(master -> {
            try (RawRedis node = new RawRedis(master.port())) {
                return node.sync(RedisCommands.DBSIZE);
            }
        }).toList();
    }

    private void form() {
        List<RawRedis> nodes = new ArrayList<>();
        try {
            masters.forEach(master -> nodes.add(new RawRedis(master.port())));
            for (int i = 0; i < nodes.size(); i++) {
                int from = i * SLOTS / nodes.size();
                int to = (i + 1) * SLOTS / nodes.size();
                Object[] slots = new Object[to - from];
                for (int slot = from; slot < to; slot++) {
                    slots[slot - from] = slot;
                }
                nodes.get(i).sync(RedisCommands.CLUSTER_ADDSLOTS, slots);
            }
            for (PrivateRedis other : masters.subList(1, masters.size())) {
                nodes.get(0).sync(CLUSTER_MEET, "127.0.0.1", other.port());
            }
            await("cluster_state:ok on every node").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> nodes.stream().allMatch(TestRedisCluster::knowsThreeMastersAndAllSlots));
        } finally {
            nodes.forEach(RawRedis::close);
        }
    }

    private static boolean knowsThreeMastersAndAllSlots(RawRedis node) {
        Map<String, String> info = node.sync(RedisCommands.CLUSTER_INFO);
        return "ok".equals(info.get("cluster_state")) && "3".equals(info.get("cluster_known_nodes"))
                && String.valueOf(SLOTS).equals(info.get("cluster_slots_ok"));
    }

    @Override
    public void close() {
        masters.forEach(PrivateRedis::close);
    }
}
