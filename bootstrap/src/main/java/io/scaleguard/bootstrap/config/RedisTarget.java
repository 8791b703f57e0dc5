package io.scaleguard.bootstrap.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the shared buckets live: the in-process limiter, a standalone Redis, or a Redis Cluster. Printed (in the
 * start-up line, say) without the passwords their URLs may hold.
 */
public sealed interface RedisTarget {

    record InProcess() implements RedisTarget {
    }

    record Standalone(String url) implements RedisTarget {
        @Override
        public String toString() {
            return "Standalone[url=" + Redacted.url(url) + "]";
        }
    }

    record Cluster(List<String> seedUrls) implements RedisTarget {
        public Cluster {
            seedUrls = List.copyOf(seedUrls);
        }

        @Override
        public String toString() {
            return "Cluster[seedUrls=" + seedUrls.stream().map(Redacted::url).toList() + "]";
        }
    }

    /** A URL with the password of its user info replaced by {@code ****}. */
    final class Redacted {
        private static final Pattern PASSWORD = Pattern.compile("(//[^/@]*?:)[^/@]*@");

        static String url(String url) {
            return PASSWORD.matcher(url).replaceFirst("$1****@");
        }

        private Redacted() {
        }
    }
}
