package io.scaleguard.bootstrap.config;

import io.scaleguard.adapters.postgres.SigningKeySecret;
import io.scaleguard.application.ratelimit.FailureMode;
import io.scaleguard.application.ratelimit.RatePolicies;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of a running ScaleGuard, typed and validated. Built only by {@link ConfigLoader}, so an instance is
 * always complete: the service never starts half-configured.
 */
public record ScaleGuardConfig(
        String httpHost,
        int httpPort,
        int workerThreads,
        RedisTarget redis,
        DatabaseTarget database,
        int databasePoolSize,
        Duration databaseTimeout,
        Optional<SigningKeySecret> signingKeySecret,
        URI issuer,
        Duration accessTokenTtl,
        RatePolicies policies,
        FailureMode failureMode,
        int replicas,
        Duration redisTimeout,
        String redisKeyPrefix,
        PasswordHashingConfig passwordHashing,
        List<String> trustedProxies,
        Duration shutdownGrace,
        boolean jsonLogs) {

    public ScaleGuardConfig {
        trustedProxies = List.copyOf(trustedProxies);
    }
}
