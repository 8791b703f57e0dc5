package io.scaleguard.domain.violation;

import org.redisson.api.RedissonClient;

/**
 * A deliberate layer violation, kept in test sources only: a domain class holding a Redisson type. The architecture
 * test proves the rules catch it and say why, as they would if it were written in {@code domain}.
 */
public final class DomainObjectLeakingRedisson {

    private final RedissonClient client;

    public DomainObjectLeakingRedisson(RedissonClient client) {
        this.client = client;
    }

    public RedissonClient client() {
        return client;
    }
}
