package io.scaleguard.bootstrap.config;

/** The environment variables of the run contract (API.md), with their defaults. */
enum Setting {
    HTTP_PORT("SCALEGUARD_HTTP_PORT", "8080"),
    HTTP_WORKER_THREADS("SCALEGUARD_HTTP_WORKER_THREADS", "32"),
    REDIS_URL("SCALEGUARD_REDIS_URL", null),
    REDIS_CLUSTER_NODES("SCALEGUARD_REDIS_CLUSTER_NODES", null),
    REDIS_TIMEOUT_MS("SCALEGUARD_REDIS_TIMEOUT_MS", "100"),
    REDIS_KEY_PREFIX("SCALEGUARD_REDIS_KEY_PREFIX", "sg:"),
    DB_URL("SCALEGUARD_DB_URL", null),
    DB_USER("SCALEGUARD_DB_USER", null),
    DB_PASSWORD("SCALEGUARD_DB_PASSWORD", null),
    DATA_DIR("SCALEGUARD_DATA_DIR", "./data"),
    ISSUER("SCALEGUARD_ISSUER", "http://localhost:8080"),
    ACCESS_TOKEN_TTL("SCALEGUARD_ACCESS_TOKEN_TTL", "900"),
    RATE_CAPACITY("SCALEGUARD_RATE_CAPACITY", "10"),
    RATE_REFILL_PER_SECOND("SCALEGUARD_RATE_REFILL_PER_SECOND", "1"),
    RATE_FAILURE_MODE("SCALEGUARD_RATE_FAILURE_MODE", "local"),
    REPLICAS("SCALEGUARD_REPLICAS", "1"),
    POLICY_FILE("SCALEGUARD_POLICY_FILE", null),
    PASSWORD_HASH_MEMORY_KIB("SCALEGUARD_PASSWORD_HASH_MEMORY_KIB", "19456"),
    PASSWORD_HASH_ITERATIONS("SCALEGUARD_PASSWORD_HASH_ITERATIONS", "2"),
    PASSWORD_HASH_PARALLELISM("SCALEGUARD_PASSWORD_HASH_PARALLELISM", "1"),
    // half the cores: a login storm may take those, and the other half keeps serving protected requests
    PASSWORD_HASH_CONCURRENCY("SCALEGUARD_PASSWORD_HASH_CONCURRENCY", Integer.toString(Math.max(1, Runtime.getRuntime().availableProcessors() / 2))),
    TRUSTED_PROXIES("SCALEGUARD_TRUSTED_PROXIES", "127.0.0.1/32,::1/128"),
    SHUTDOWN_GRACE_SECONDS("SCALEGUARD_SHUTDOWN_GRACE_SECONDS", "20"),
    LOG_FORMAT("SCALEGUARD_LOG_FORMAT", "text"),
    CONFIG_FILE("SCALEGUARD_CONFIG_FILE", null);

    final String variable;
    final String defaultValue;

    Setting(String variable, String defaultValue) {
        this.variable = variable;
        this.defaultValue = defaultValue;
    }
}
