package io.scaleguard.bootstrap.config;

import java.nio.file.Path;

/** Where accounts and keys live: the embedded database in the data directory, or PostgreSQL. */
public sealed interface DatabaseTarget {

    record Embedded(Path dataDirectory) implements DatabaseTarget {
    }

    record Postgres(String jdbcUrl, String user, String password) implements DatabaseTarget {
        @Override
        public String toString() {
            return "Postgres[jdbcUrl=" + jdbcUrl + ", user=" + user + "]";
        }
    }
}
