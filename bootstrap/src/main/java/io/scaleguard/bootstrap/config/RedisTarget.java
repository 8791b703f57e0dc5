package io.scaleguard.bootstrap.config;

import java.util.List;

/** Where the shared buckets live: the in-process limiter, a standalone Redis, or a Redis Cluster. */
public sealed interface RedisTarget {

    record InProcess() implements RedisTarget {
    }

    record Standalone(String url) implements RedisTarget {
    }

    record Cluster(List<String> seedUrls) implements RedisTarget {
        public Cluster {
            seedUrls = List.copyOf(seedUrls);
        }
    }
}
