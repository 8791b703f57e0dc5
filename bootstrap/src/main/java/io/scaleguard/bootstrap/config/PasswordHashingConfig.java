package io.scaleguard.bootstrap.config;

/**
 * Argon2id's cost and how many hashes may run at once. The defaults are OWASP's (19 MiB, two passes, one lane) and one
 * hash per core; a test or a small machine may lower the cost, and stored hashes are upgraded on the next login.
 */
public record PasswordHashingConfig(int memoryKiB, int iterations, int parallelism, int concurrency) {
}
